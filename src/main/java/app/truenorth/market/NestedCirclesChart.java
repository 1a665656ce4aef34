package app.truenorth.market;

import app.truenorth.platform.html.Xml;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Draws TAM, SAM and SOM as nested circles whose areas are proportional to their values, as a
 * standalone SVG (the same markup serves the page, the Markdown brief's HTML twin and the PDF).
 */
public final class NestedCirclesChart {

    private static final int WIDTH = 420;
    private static final int HEIGHT = 300;
    private static final double MAX_RADIUS = 140;

    private NestedCirclesChart() {
    }

    /** Radius for a value given the TAM's radius: area ∝ value, so r = R·√(value / TAM). */
    public static double radius(Money value, Money tam) {
        if (tam.isZero()) {
            return 0;
        }
        double ratio = value.amount().divide(tam.amount(), MathContext.DECIMAL64).doubleValue();
        return MAX_RADIUS * Math.sqrt(Math.max(0, Math.min(1, ratio)));
    }

    public static String render(MarketSize size, String method, int horizonYears) {
        double rTam = radius(size.tam(), size.tam());
        double rSam = radius(size.sam(), size.tam());
        double rSom = radius(size.som(), size.tam());
        double cx = 150;
        double bottom = HEIGHT - 10;
        StringBuilder svg = new StringBuilder();
        String id = "mkt" + Integer.toHexString(System.identityHashCode(size));
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-t %s-d\" class=\"market-chart\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT, id, id));
        svg.append("<title id=\"").append(id).append("-t\">").append(Xml.escape(method)).append(" market size: TAM, SAM and SOM</title>");
        svg.append("<desc id=\"").append(id).append("-d\">").append(Xml.escape("Nested circles with areas proportional to value. TAM "
                + size.tam().display() + ", SAM " + size.sam().display() + ", SOM " + size.som().display()
                + " within " + horizonYears + " year" + (horizonYears == 1 ? "" : "s") + ".")).append("</desc>");
        circle(svg, cx, bottom - rTam, rTam, "#dfe3ff", "#2f3fc4");
        circle(svg, cx, bottom - rSam, rSam, "#b7c0ff", "#2f3fc4");
        circle(svg, cx, bottom - rSom, rSom, "#2f3fc4", "#141833");
        legend(svg, 20, "TAM", size.tam(), "#dfe3ff", bottom - 2 * rTam + 4);
        legend(svg, 120, "SAM", size.sam(), "#b7c0ff", bottom - 2 * rSam + 4);
        legend(svg, 220, "SOM", size.som(), "#2f3fc4", bottom - 2 * rSom + 4);
        svg.append("</svg>");
        return svg.toString();
    }

    private static void circle(StringBuilder svg, double cx, double cy, double r, String fill, String stroke) {
        svg.append(String.format(Locale.ROOT,
                "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>", cx, cy, Math.max(r, 1.5), fill, stroke));
    }

    private static void legend(StringBuilder svg, double y, String name, Money value, String swatch, double circleTop) {
        double x = 310;
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#2f3fc4\"/>", x, y, swatch));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\" font-weight=\"700\" fill=\"#1c2033\">%s</text>", x + 20, y + 12, name));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\" fill=\"#1c2033\">%s</text>", x + 20, y + 30, Xml.escape(value.compact())));
        // a leader line from the label to the top of its circle, so the reader sees which ring it names
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"150\" y2=\"%.2f\" stroke=\"#5a6072\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>",
                x - 4, y + 7, circleTop));
    }

    /** Exposed for tests: the area ratio the chart draws, as a BigDecimal fraction of TAM. */
    static BigDecimal share(Money value, Money tam) {
        return value.amount().divide(tam.amount(), MathContext.DECIMAL64);
    }
}
