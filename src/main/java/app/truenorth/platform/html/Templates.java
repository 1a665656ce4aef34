package app.truenorth.platform.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the precompiled JTE templates outside a web request: the printable documents (the strategy
 * brief, the roadmap exports) that become PDF, in the server and in the offline {@code truenorth render}
 * alike. Plain Java with no Spring: the templates are compiled into the jar at build time (jte-maven-plugin
 * in pom.xml), so this only loads their classes. Pages keep going through Spring MVC's view resolver,
 * which renders the very same classes.
 *
 * <p>The output is XHTML for an XML parser: the templates escape what they insert, and characters XML
 * cannot hold at all (a control character pasted into a text field) are dropped here, so a document is
 * never refused by the PDF renderer for something a person typed.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    /**
     * The template (a path under {@code src/main/jte}, such as {@code "views/print.jte"}) with these
     * parameters, as XHTML.
     */
    public static String xhtml(String template, Map<String, Object> params) {
        var out = new StringOutput(8 * 1024);
        ENGINE.render(template, params, new XmlCharacters(out));
        return out.toString();
    }

    /** The engine reads the template classes through the class loader of the application's own classes. */
    private static TemplateEngine engine() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(ContentType.Html);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Drops characters XML does not allow from what the templates write; the escaping itself is the
     * template engine's (it writes every inserted value through here, already escaped).
     */
    private static final class XmlCharacters implements TemplateOutput {

        private final TemplateOutput out;

        XmlCharacters(TemplateOutput out) {
            this.out = out;
        }

        @Override
        public void writeContent(String value) {
            writeContent(value, 0, value.length());
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            int from = beginIndex;
            for (int k = beginIndex; k < endIndex; k++) {
                char c = value.charAt(k);
                if (Xml.allowed(c)) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && k + 1 < endIndex && Character.isLowSurrogate(value.charAt(k + 1))) {
                    k++;
                    continue;
                }
                out.writeContent(value, from, k);
                from = k + 1;
            }
            out.writeContent(value, from, endIndex);
        }
    }
}
