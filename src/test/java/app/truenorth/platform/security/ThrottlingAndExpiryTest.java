package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.MovableClock;
import app.truenorth.support.Responses;
import app.truenorth.support.WorkspaceSnapshot;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Rules that depend on time: password guessing is throttled until the lock expires, and invitation
 * links expire. The application's clock is replaced by one the test moves, which gives this class a
 * context (and database) of its own; so its failed sign-ins never throttle other tests.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThrottlingAndExpiryTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-03-01T09:00:00Z"));

    @TestBean(name = "clock")
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Invitations invitations;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startAfterEarlierFailuresAreForgotten() {
        // failures older than an hour no longer count, so every test starts with a clean address
        CLOCK.advance(Duration.ofHours(2));
    }

    @Test
    @Order(2)
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheLockExpires() throws Exception {
        var owner = fixtures.owner();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(owner.email(), "wrong-password-" + i)).isEqualTo("/login?error");
        }
        String throttled = signIn(owner.email(), Fixtures.PASSWORD);
        assertThat(throttled).isEqualTo("/login?throttled=30");
        MvcResult page = mvc.perform(get(throttled)).andExpect(status().isOk()).andReturn();
        assertThat(Responses.body(page)).contains("Too many failed attempts. Wait 30 seconds before trying again.");

        CLOCK.advance(Duration.ofSeconds(29));
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).startsWith("/login?throttled=");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).isEqualTo("/");
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheLock() throws Exception {
        var owner = fixtures.owner();
        for (int i = 0; i < 5; i++) {
            signIn(owner.email(), "wrong-password-" + i);
        }
        CLOCK.advance(Duration.ofSeconds(31));
        // the lock is over, and the sixth failure locks again, for twice as long
        assertThat(signIn(owner.email(), "still-wrong")).isEqualTo("/login?error");
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).isEqualTo("/login?throttled=60");
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).startsWith("/login?throttled=");
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).isEqualTo("/");
        // a success clears the count: one more mistake is just a mistake
        assertThat(signIn(owner.email(), "one-more-slip")).isEqualTo("/login?error");
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).isEqualTo("/");
    }

    @Test
    void unknownAccountsAreThrottledLikeKnownOnesSoGuessingRevealsNothing() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("nobody@example.com", "wrong-password-" + i)).isEqualTo("/login?error");
        }
        assertThat(signIn("nobody@example.com", "anything-at-all")).isEqualTo("/login?throttled=30");
    }

    @Test
    void oversizedSignInInputIsAnOrdinaryFailureNotAServerError() throws Exception {
        var owner = fixtures.owner();
        assertThat(signIn("x".repeat(5000) + "@example.com", "wrong-password")).isEqualTo("/login?error");
        assertThat(signIn(owner.email(), "p".repeat(200))).isEqualTo("/login?error");
        assertThat(signIn(owner.email(), "€".repeat(30))).isEqualTo("/login?error");
        assertThat(signIn("", "")).isEqualTo("/login?error");
        assertThat(signIn(owner.email(), Fixtures.PASSWORD)).isEqualTo("/");
    }

    @Test
    void anInvitationLinkStopsWorkingWhenItExpires() throws Exception {
        var owner = fixtures.owner();
        String fresh = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "").secret();
        String stale = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "").secret();
        mvc.perform(get("/invite/" + stale)).andExpect(status().isOk());

        CLOCK.advance(Duration.ofDays(7).minusMinutes(1));
        // still valid a minute before the end
        mvc.perform(post("/invite/" + fresh).with(csrf()).param("email", "early@example.com")
                        .param("displayName", "Early").param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection());
        CLOCK.advance(Duration.ofMinutes(2));

        var before = WorkspaceSnapshot.of(jdbc, owner.workspaceId());
        mvc.perform(get("/invite/" + stale)).andExpect(status().isNotFound());
        MvcResult result = mvc.perform(post("/invite/" + stale).with(csrf()).param("email", "late@example.com")
                        .param("displayName", "Late").param("password", Fixtures.PASSWORD))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(Responses.body(result)).contains("expired, was revoked or was already used");
        assertThat(accounts.findByEmail("late@example.com")).isEmpty();
        assertThat(WorkspaceSnapshot.of(jdbc, owner.workspaceId())).isEqualTo(before);
    }

    /** First-run setup refuses bad input field by field, and writes nothing until the input is good. */
    @Test
    @Order(1) // first, while this context's database has never been set up; sign-in pages need setup done
    void setupRefusesBadInputBesideTheFieldAndWritesNothing() throws Exception {
        // this context's database is its own and nobody ran setup in it
        assertThat(accounts.setupNeeded()).isTrue();
        Map<String, String> good = Map.of("email", "first@example.com", "displayName", "First Owner",
                "password", Fixtures.PASSWORD, "workspaceName", "Acme");
        record Case(String field, String value, String message) {
        }
        var cases = java.util.List.of(
                new Case("email", "", "Enter your email address."),
                new Case("email", "not-an-email", "Enter a valid email address."),
                new Case("email", "a".repeat(60) + "@" + (("b".repeat(60) + ".").repeat(4)) + "com", "Use at most 254 characters."),
                new Case("displayName", " ", "Enter your name."),
                new Case("displayName", "n".repeat(101), "Use at most 100 characters."),
                new Case("password", "", "Choose a password."),
                new Case("password", "short", "Use at least 10 characters."),
                new Case("password", "€".repeat(25), "Use at most 72 bytes (about 72 letters)."),
                new Case("workspaceName", "", "Name your workspace, e.g. your company or team."),
                new Case("workspaceName", "w".repeat(101), "Use at most 100 characters."));
        Map<String, Long> counts = WorkspaceSnapshot.rowCounts(jdbc);
        for (Case c : cases) {
            var request = post("/setup").with(csrf());
            good.forEach((k, v) -> request.param(k, k.equals(c.field()) ? c.value() : v));
            MvcResult result = mvc.perform(request).andReturn();
            assertThat(result.getResponse().getStatus()).as(c.toString()).isEqualTo(422);
            assertThat(Responses.fieldError(result, c.field())).as(c.toString()).isEqualTo(c.message());
            assertThat(Responses.serverErrorOrLeak(result)).as(c.toString()).isNull();
        }
        // a field missing altogether is refused like an empty one
        MvcResult missing = mvc.perform(post("/setup").with(csrf()).param("email", "first@example.com")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(422);
        assertThat(Responses.fieldError(missing, "password")).isEqualTo("Choose a password.");
        assertThat(WorkspaceSnapshot.rowCounts(jdbc)).isEqualTo(counts);
        assertThat(accounts.setupNeeded()).isTrue();

        var request = post("/setup").with(csrf());
        good.forEach(request::param);
        mvc.perform(request).andExpect(status().is3xxRedirection());
        assertThat(accounts.setupNeeded()).isFalse();
        // a second setup is refused and creates no second owner
        var again = post("/setup").with(csrf());
        good.forEach((k, v) -> again.param(k, k.equals("email") ? "second@example.com" : v));
        mvc.perform(again).andExpect(status().is3xxRedirection());
        assertThat(accounts.findByEmail("second@example.com")).isEmpty();
    }

    /** Posts the sign-in form and returns where it redirects to. */
    private String signIn(String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andReturn();
        assertThat(Responses.serverErrorOrLeak(result)).as("sign-in of " + email.length() + " chars").isNull();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return result.getResponse().getRedirectedUrl();
    }
}
