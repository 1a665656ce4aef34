package app.truenorth.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class InboxTest {

    @Autowired
    Inbox inbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void notificationsAreUnreadUntilReadAndOnlyTheirOwnersSeeThem() {
        var priya = fixtures.owner();
        var marcus = fixtures.owner();
        long first = inbox.notify(priya.userId(), "escalation", "Atlas Fleet: an escalation needs you", "Blocked.", "/products/1");
        long second = inbox.notify(priya.userId(), "reminder", "Check-in due", null, null);
        assertThat(inbox.unread(priya.userId())).isEqualTo(2);
        assertThat(inbox.latest(priya.userId(), 10)).extracting(Inbox.Notification::id).containsExactly(second, first);
        assertThat(inbox.unread(marcus.userId())).isZero();
        assertThat(inbox.latest(marcus.userId(), 10)).isEmpty();

        assertThat(inbox.markRead(marcus.userId(), first)).as("someone else's").isFalse();
        assertThat(inbox.find(marcus.userId(), first)).isNull();
        assertThat(inbox.unread(priya.userId())).isEqualTo(2);
        assertThat(inbox.markRead(priya.userId(), first)).isTrue();
        assertThat(inbox.unread(priya.userId())).isEqualTo(1);
        assertThat(inbox.markAllRead(priya.userId())).isEqualTo(1);
        assertThat(inbox.latest(priya.userId(), 10)).allMatch(Inbox.Notification::read);
    }

    @Test
    void refusesWhatDoesNotFitOrLeadsAway() {
        var someone = fixtures.owner();
        for (String link : new String[] {"//evil.example/x", "https://evil.example/", "relative", "/\\evil.example"}) {
            assertThatThrownBy(() -> inbox.notify(someone.userId(), "k", "t", null, link)).as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> inbox.notify(someone.userId(), "k", "", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.notify(someone.userId(), "k", "two\nlines", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.notify(someone.userId(), "k", "t", "b".repeat(2001), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(inbox.unread(someone.userId())).isZero();
    }

    @Test
    void theListAndTheCountArePageFragments() throws Exception {
        var priya = fixtures.owner();
        inbox.notify(priya.userId(), "escalation", "Fleet <b>blocked</b>", "Vendor & contract", "/products/7/execution");

        String page = Responses.body(mvc.perform(get("/inbox").with(priya.session())).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("<html").contains("Fleet &lt;b&gt;blocked&lt;/b&gt;").contains("Vendor &amp; contract");
        String fragment = Responses.body(mvc.perform(get("/inbox").with(priya.session()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn());
        assertThat(fragment).doesNotContain("<html").contains("id=\"inbox\"").contains("Mark all read");
        String count = Responses.body(mvc.perform(get("/inbox/unread").with(priya.session())).andExpect(status().isOk()).andReturn());
        assertThat(count).contains("data-unread=\"1\"").contains(">1</span>");

        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/inbox/unread")).andExpect(status().is3xxRedirection());
    }

    @Test
    void openingANotificationMarksItReadAndFollowsItsLink() throws Exception {
        var priya = fixtures.owner();
        var marcus = fixtures.owner();
        long id = inbox.notify(priya.userId(), "escalation", "Escalation", null, "/products/7/execution");
        long plain = inbox.notify(priya.userId(), "note", "Note", null, null);

        mvc.perform(post("/inbox/" + id + "/read").with(marcus.session()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + id + "/read").with(priya.session())).andExpect(status().isForbidden());
        assertThat(inbox.unread(priya.userId())).isEqualTo(2);

        mvc.perform(post("/inbox/" + id + "/read").with(priya.session()).with(csrf()))
                .andExpect(redirectedUrl("/products/7/execution"));
        mvc.perform(post("/inbox/" + plain + "/read").with(priya.session()).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(inbox.unread(priya.userId())).isZero();

        inbox.notify(priya.userId(), "note", "Another", null, null);
        String fragment = Responses.body(mvc.perform(post("/inbox/read-all").with(priya.session()).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn());
        assertThat(fragment).doesNotContain("<html").doesNotContain("Mark all read");
        assertThat(inbox.unread(priya.userId())).isZero();
    }
}
