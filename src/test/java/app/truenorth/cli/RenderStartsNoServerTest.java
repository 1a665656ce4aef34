package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that {@code truenorth render} starts no Spring context, no database and no web server: the
 * jar's real main method runs in a JVM of its own that logs every class it loads, and none of the classes
 * that any of those need is ever loaded, while the renderers are.
 */
class RenderStartsNoServerTest {

    /** A class of each thing that must not start, by the prefix of its name. */
    static final List<String> NEVER_LOADED = List.of(
            "org.springframework.boot.SpringApplication", // Spring Boot
            "org.springframework.context.support.", // any application context
            "org.springframework.beans.factory.support.", // any bean factory
            "org.apache.catalina.", "org.apache.tomcat.", "org.apache.coyote.", // the web server
            "org.h2.", "org.postgresql.", "com.zaxxer.hikari.", "org.flywaydb.", // a database, its pool, its migrations
            "java.net.ServerSocket", "sun.nio.ch.ServerSocketChannelImpl"); // any listening socket

    @TempDir
    Path dir;

    @Test
    void aRenderLoadsTheRenderersButNoSpringDatabaseOrServerClass() throws Exception {
        Path out = dir.resolve("customer.pdf");
        Path log = dir.resolve("classes.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), "app.truenorth.TrueNorthApplication", "render",
                RenderCommandTest.PLANTED.toString(), "--format", "timeline", "--audience", "customer", "-o", out.toString(),
                "--today", RenderCommandTest.TODAY)
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("render finishes").isTrue();
        String console = Files.readString(dir.resolve("console.txt"));
        assertThat(process.exitValue()).as(console).isZero();
        assertThat(console).startsWith("Wrote ").doesNotContain("Spring").doesNotContain("Tomcat");
        assertThat(Files.size(out)).isPositive();

        List<String> loaded = Files.readAllLines(log).stream().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceFirst("^.*\\[class,load\\] ", "").replaceFirst(" .*$", "")).toList();
        // the control: the log does list what the render used
        assertThat(loaded).contains("app.truenorth.cli.RenderCommand", "app.truenorth.views.AudienceViews",
                "app.truenorth.views.ViewExports", "app.truenorth.roadmap.render.TimelineSvg", "app.truenorth.health.rules.RoadmapYaml",
                "com.openhtmltopdf.pdfboxout.PdfRendererBuilder");
        for (String prefix : NEVER_LOADED) {
            assertThat(loaded).as("classes starting with " + prefix).noneMatch(c -> c.startsWith(prefix));
        }
    }
}
