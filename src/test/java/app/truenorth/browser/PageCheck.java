package app.truenorth.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The step every page visited by a browser test goes through: at desktop and at phone width it is
 * screenshotted into {@code target/screenshots/} and checked with axe-core. Any violation of serious
 * or critical impact fails the test, with every such violation spelled out in the message.
 */
final class PageCheck {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** The widths every page must work at: a laptop and a phone. */
    enum Viewport {
        DESKTOP(1280, 800), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private final String prefix;
    private int step;

    PageCheck(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Screenshots and checks the page as it is now, then puts the viewport back to desktop width.
     * {@code name} says what the page shows, e.g. "products-empty".
     */
    void check(Page page, String name) {
        page.waitForLoadState(LoadState.LOAD);
        String base = String.format("%s-%02d-%s", prefix, ++step, name);
        List<String> problems = new ArrayList<>();
        try {
            for (Viewport viewport : Viewport.values()) {
                page.setViewportSize(viewport.width, viewport.height);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(base + "-" + viewport.name().toLowerCase() + ".png")));
                AxeResults results = new AxeBuilder(page).analyze();
                if (results.isErrored()) {
                    problems.add("axe-core could not run at " + viewport + ": " + results.getErrorMessage());
                }
                for (Rule rule : results.getViolations()) {
                    if (rule.getImpact() != null && FAILING_IMPACTS.contains(rule.getImpact())) {
                        problems.add(describe(viewport, rule));
                    }
                }
            }
        } finally {
            page.setViewportSize(Viewport.DESKTOP.width, Viewport.DESKTOP.height);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + name + " (" + page.url() + "):\n"
                    + String.join("\n", problems));
        }
    }

    private static String describe(Viewport viewport, Rule rule) {
        StringBuilder text = new StringBuilder();
        text.append("- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(" at ").append(viewport)
                .append(": ").append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")");
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    ").append(node.getTarget()).append("  ").append(node.getHtml());
            if (node.getFailureSummary() != null) {
                text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
            }
        }
        return text.toString();
    }
}
