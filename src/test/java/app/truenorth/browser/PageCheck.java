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

    /** Checked for sideways scrolling only, without screenshots. */
    static final int SMALLEST_PHONE_WIDTH = 360;

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
                problems.addAll(overflow(page, viewport.width));
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
            // the smallest phones still in use: nothing may stick out sideways there either
            page.setViewportSize(SMALLEST_PHONE_WIDTH, Viewport.PHONE.height);
            problems.addAll(overflow(page, SMALLEST_PHONE_WIDTH));
        } finally {
            page.setViewportSize(Viewport.DESKTOP.width, Viewport.DESKTOP.height);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Accessibility or layout problems on " + name + " (" + page.url() + "):\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * Elements wider than the window, which make the whole page scroll sideways. Content inside a
     * container that scrolls on its own (tab rows, wide code) is fine.
     */
    @SuppressWarnings("unchecked")
    private static List<String> overflow(Page page, int width) {
        List<String> culprits = (List<String>) page.evaluate("""
                () => {
                  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
                  const inScroller = el => {
                    for (let p = el.parentElement; p; p = p.parentElement) {
                      const x = getComputedStyle(p).overflowX;
                      if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
                    }
                    return false;
                  };
                  const culprits = [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1 && !inScroller(el))
                    .slice(0, 8)
                    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                         + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
                  return culprits.length ? culprits : ['the document (' + document.documentElement.scrollWidth + 'px wide)'];
                }""");
        if (culprits.isEmpty()) {
            return List.of();
        }
        return List.of("- the page is wider than a " + width + "px screen and scrolls sideways; sticking out: "
                + String.join(", ", culprits));
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
