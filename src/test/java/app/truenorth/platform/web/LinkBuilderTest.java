package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@ExtendWith(OutputCaptureExtension.class)
class LinkBuilderTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aConfiguredBaseUrlWinsOverTheHostHeader() {
        serving("evil.example", 443, "https");
        var links = LinkBuilder.of("https://roadmaps.example.com/tn/");
        assertThat(links.configured()).isTrue();
        assertThat(links.base()).isEqualTo("https://roadmaps.example.com/tn");
        assertThat(links.absolute("/share/abc?x=1")).isEqualTo("https://roadmaps.example.com/tn/share/abc?x=1");
    }

    @Test
    void unsetItFollowsTheRequestAndSaysSoAtStartUp(CapturedOutput output) {
        var links = LinkBuilder.of("");
        assertThat(output.getOut() + output.getErr()).contains("truenorth.base-url (TRUENORTH_BASE_URL) is not set");
        serving("team.example.org", 8443, "https");
        assertThat(links.configured()).isFalse();
        assertThat(links.absolute("/invite/xyz")).isEqualTo("https://team.example.org:8443/invite/xyz");
        serving("localhost", 80, "http");
        assertThat(links.absolute("/")).isEqualTo("http://localhost/");
    }

    @Test
    void configuredItSaysNothing(CapturedOutput output) {
        LinkBuilder.of("http://localhost:8080");
        assertThat(output.getOut() + output.getErr()).doesNotContain("truenorth.base-url");
    }

    @Test
    void unsetAndOutsideARequestThereIsNoLink() {
        assertThatThrownBy(() -> LinkBuilder.of(null).absolute("/x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truenorth.base-url");
    }

    @Test
    void refusesABaseUrlThatIsNotAnHttpAddress() {
        for (String bad : new String[] {"roadmaps.example.com", "ftp://example.com", "https://example.com/?a=b",
                "https://example.com/#top", "https://user:pw@example.com", "https:///path", "http://exa mple.com"}) {
            assertThatThrownBy(() -> LinkBuilder.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesPathsThatWouldLeaveTheApplication() {
        var links = LinkBuilder.of("https://roadmaps.example.com");
        for (String bad : new String[] {"share/abc", "//evil.example/x", "https://evil.example/", "", null}) {
            assertThatThrownBy(() -> links.absolute(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void serving(String host, int port, String scheme) {
        var request = new MockHttpServletRequest("GET", "/somewhere");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
