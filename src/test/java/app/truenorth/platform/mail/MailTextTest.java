package app.truenorth.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void linksKeepTheirAddressParagraphsStayApartAndEntitiesAreDecoded() {
        String html = """
                <html><head><title>Subject</title><style>p { color: red }</style></head><body>
                <h1>Your check-in &amp; more</h1>
                <p>Say &lt;hi&gt; &quot;now&quot; &#39;please&#39; &#x2713;</p>
                <p><a href="https://x.example/a?b=1&amp;c=2" style="...">Open <b>it</b></a></p>
                <ul><li>one</li><li>two</li></ul>
                <p><a href="https://x.example/">https://x.example/</a></p>
                </body></html>""";
        assertThat(MailText.of(html)).isEqualTo("""
                Your check-in & more

                Say <hi> "now" 'please' ✓

                Open it (https://x.example/a?b=1&c=2)

                - one
                - two

                https://x.example/
                """);
    }
}
