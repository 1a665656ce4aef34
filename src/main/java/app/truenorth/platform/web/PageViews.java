package app.truenorth.platform.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * How pages are written to the response: the JTE starter's view, except that a page is rendered into
 * a UTF-8 byte buffer and sent in one write, instead of through the response's
 * writer piece by piece. The templates are compiled with their static text already encoded
 * ({@code binaryStaticContent} in pom.xml), so most of a page is copied as bytes; through the writer
 * every fragment was encoded to UTF-8 again on every request and each write passed Spring Security's
 * and Tomcat's writer wrappers (about a tenth of a signed-in page's CPU, docs/benchmarks.md). A
 * template that fails half-way now sends nothing rather than half a page, so the error page is shown
 * cleanly.
 */
@Configuration(proxyBeanMethods = false)
class PageViews {

    /** Replaces the starter's resolver (it backs off when one is defined), same settings otherwise. */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new BufferedViewResolver(templateEngine, properties);
    }

    static final class BufferedViewResolver extends JteViewResolver {

        private final TemplateEngine templateEngine;

        BufferedViewResolver(TemplateEngine templateEngine, JteProperties properties) {
            super(templateEngine, properties);
            this.templateEngine = templateEngine;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new BufferedView(templateEngine);
        }
    }

    static final class BufferedView extends JteView {

        private final TemplateEngine templateEngine;

        BufferedView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            // the buffer keeps a list of byte-array pieces (each static part, each value); its
            // constructor's number is that list's starting length, not a size in bytes: JTE's default
            // (512 pieces) suits a page, while a byte-sized figure here made every page allocate an
            // array of thousands of references it never used (docs/benchmarks.md)
            var page = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, page);
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // one write: the buffer keeps the compiled static parts as separate arrays, and every write
            // to the response passes Spring Security's and Tomcat's bookkeeping. No Content-Length here:
            // Tomcat sets it when the page fits its buffer, and a declared length makes Spring Security
            // commit the response early, which makes Spring Session load the session a second time.
            response.getOutputStream().write(page.toByteArray());
        }
    }
}
