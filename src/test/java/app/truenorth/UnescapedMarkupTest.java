package app.truenorth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates escape everything they insert, except where a template says {@code $unsafe}: that is allowed
 * only for the SVG the server draws, whose every typed text went through the one XML escaper
 * ({@code platform/html/Xml}, proven by {@code ServerSvgEscapingTest}). Each such place is listed here with
 * what draws it, so a new one is a decision someone makes on purpose, not HTML built in Java slipping in.
 */
class UnescapedMarkupTest {

    static final Map<String, String> ALLOWED = Map.of(
            "views/body.jte: view.timelineSvg()", "TimelineSvg, through AudienceView",
            "views/print.jte: doc.timeline()", "TimelineSvg, through ViewExports.svg",
            "roadmap/timeline.jte: svg", "TimelineSvg, in RoadmapFormatsController",
            "market/market.jte: page.chart()", "NestedCirclesChart, in the session's PageContext",
            "session/brief/document.jte: brief.chart()", "NestedCirclesChart, in Brief");

    static final Pattern UNSAFE = Pattern.compile("\\$unsafe\\{([^}]*)}");

    @Test
    void onlyServerDrawnPicturesAreInsertedUnescaped() throws IOException {
        Path root = Path.of("src/main/jte");
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher m = UNSAFE.matcher(Files.readString(file));
                while (m.find()) {
                    String place = root.relativize(file).toString().replace('\\', '/') + ": " + m.group(1).strip();
                    found.put(place, ALLOWED.getOrDefault(place, "NOT ALLOWED"));
                }
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(ALLOWED));
    }
}
