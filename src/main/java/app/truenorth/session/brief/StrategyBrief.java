package app.truenorth.session.brief;

import app.truenorth.market.MarketResult;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.platform.pdf.PdfDocuments;
import app.truenorth.session.Phase;
import app.truenorth.session.SessionRecords;
import app.truenorth.session.StrategySession;
import app.truenorth.session.StrategySessions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The strategy brief: the whole session (artifacts, decisions, sign-offs, market math) as one
 * document. The same XHTML body serves the brief page and the PDF, so they never drift apart; the
 * Markdown twin is for pasting into wikis and pull requests.
 */
@Service
public class StrategyBrief {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");


    // ---- HTML -------------------------------------------------------------------------------------

    /** The brief's body as well-formed XHTML (every tag closed, every text escaped). */
    public String html(StrategySessions.Loaded loaded, LocalDate today) {
        StrategySession s = loaded.session();
        MarketResult market = loaded.market().result();
        StringBuilder h = new StringBuilder();
        h.append("<article class=\"brief\">");
        h.append("<h1>").append(e(s.title())).append("</h1>");
        h.append("<p class=\"brief-meta\">").append(e(s.state().label())).append(" · facilitated by ").append(e(s.facilitator().name()))
                .append(" · started ").append(e(DAY.format(s.startDate()))).append(" · plan of ").append(s.weeks()).append(" weeks</p>");
        if (s.outcome() != null) {
            h.append("<p class=\"brief-outcome\"><strong>Outcome:</strong> ").append(e(s.outcome())).append("</p>");
        }
        h.append("<p><strong>Participants:</strong> ")
                .append(e(String.join(", ", s.participants().stream().map(p -> p.name()).toList()))).append("</p>");
        if (s.collapsed()) {
            h.append("<div class=\"brief-warning\"><p><strong>Collapsed session.</strong> Phases were signed off on the same day as ")
                    .append("the phase before them; a strategy session needs days between phases to gather evidence.</p><ul>");
            for (var pair : s.collapsedPairs()) {
                h.append("<li>").append(e(pair.first().label() + " and " + pair.second().label() + ": both on " + pair.day())).append("</li>");
            }
            h.append("</ul></div>");
        }

        h.append("<h2>Phases and sign-offs</h2><table class=\"brief-table\"><thead><tr><th>Phase</th><th>Status</th>")
                .append("<th>Approvers</th><th>Signed off</th><th>Planned week</th></tr></thead><tbody>");
        for (Phase p : Phase.values()) {
            h.append("<tr><td>").append(p.number()).append(". ").append(e(p.label())).append("</td><td>").append(e(s.status(p).label()))
                    .append("</td><td>").append(e(names(s.approvers(p).stream().map(a -> a.name()).toList()))).append("</td><td>");
            for (var so : s.signOffs(p)) {
                h.append(e(so.name())).append(" (").append(e(WHEN.format(so.at()))).append(")<br/>");
            }
            h.append("</td><td>").append(s.plannedWeek(p)).append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>1. Positioning</h2>");
        h.append("<blockquote class=\"brief-statement\">").append(e(s.positioning().statement())).append("</blockquote>");
        if (!s.positioning().differentiators().isEmpty()) {
            h.append("<p><strong>Differentiators</strong></p><ol>");
            s.positioning().differentiators().forEach(d -> h.append("<li>").append(e(d.text())).append("</li>"));
            h.append("</ol>");
        }
        if (s.alignmentPercent() != null) {
            h.append("<p><strong>Alignment:</strong> ").append(s.alignmentPercent().toPlainString()).append(" % of ")
                    .append(s.votes().size()).append(" participants agree.</p><ul>");
            s.votes().forEach(v -> h.append("<li>").append(e(v.name())).append(": ").append(v.agree() ? "agrees" : "disagrees")
                    .append(v.comment().isEmpty() ? "" : " — " + e(v.comment())).append("</li>"));
            h.append("</ul>");
        }
        synthesis(h, s, Phase.POSITIONING);

        h.append("<h2>2. Problem framing</h2>");
        var f = s.framing();
        h.append("<table class=\"brief-table\"><tbody>");
        row(h, "What is the problem", f.problem());
        row(h, "Symptoms", f.symptoms());
        row(h, "Why it is unsolved", f.whyUnsolved());
        row(h, "Our assumptions and biases", f.assumptions());
        row(h, "Who has it", f.whoHasIt());
        row(h, "When and where", f.whenWhere());
        row(h, "Consequences", f.consequences());
        row(h, "Who else is affected", f.whoElse());
        row(h, "Current alternatives", f.currentAlternatives());
        h.append("</tbody></table>");
        h.append("<blockquote class=\"brief-statement\">").append(e(f.reframedStatement().isEmpty() ? "No reframed problem statement yet."
                : f.reframedStatement())).append("</blockquote>");
        synthesis(h, s, Phase.PROBLEM_FRAMING);

        h.append("<h2>3. Problem statements</h2>");
        if (s.statements().isEmpty()) {
            h.append("<p>None yet.</p>");
        }
        h.append("<ol>");
        for (var st : s.statements()) {
            h.append("<li><p>").append(e(st.sentence())).append("</p><p class=\"brief-small\">Evidence: ").append(e(st.evidence()))
                    .append(st.validated() ? " · validated" : " · not validated").append("</p></li>");
        }
        h.append("</ol>");
        synthesis(h, s, Phase.PROBLEM_STATEMENTS);

        h.append("<h2>4. Market sizing</h2>");
        h.append("<p>Currency ").append(e(loaded.market().model().currency().getCurrencyCode())).append(" · SOM horizon ")
                .append(loaded.market().model().horizonYears()).append(" years</p>");
        for (MarketResult.Sized sized : new MarketResult.Sized[] {market.topDown(), market.bottomUp()}) {
            if (sized == null) {
                continue;
            }
            h.append("<h3>").append(e(sized.method())).append("</h3>");
            steps(h, sized.steps());
        }
        if (market.valueTheory() != null) {
            h.append("<h3>Value theory</h3>");
            steps(h, market.valueTheory().steps());
        }
        if (market.primary() != null) {
            h.append("<div class=\"brief-chart\">")
                    .append(NestedCirclesChart.render(market.primary().size(), market.primary().method(),
                            loaded.market().model().horizonYears()))
                    .append("</div>");
            h.append("<p><strong>Scenarios (SOM):</strong> ");
            h.append(e(String.join(" · ", market.scenarios().stream()
                    .map(sc -> sc.name() + " " + sc.som().display() + " (× " + sc.multiplier().stripTrailingZeros().toPlainString() + ")")
                    .toList()))).append("</p>");
        } else {
            h.append("<p>No market figures yet.</p>");
        }
        if (market.reconciliation() != null) {
            var r = market.reconciliation();
            h.append(r.warning() ? "<p class=\"brief-warning\">" : "<p>").append("<strong>Reconciliation:</strong> top-down SOM ")
                    .append(e(r.topDownSom().display())).append(" vs bottom-up SOM ").append(e(r.bottomUpSom().display()))
                    .append(": ").append(e(r.differencePercent())).append(" apart")
                    .append(r.warning() ? " — more than 20 %: one of the models is likely wrong." : ".").append("</p>");
        }
        h.append("<h3>Go/no-go gate</h3>");
        if (market.gate() != null) {
            h.append("<p>SOM threshold ").append(e(market.gate().threshold().display())).append("; SOM ")
                    .append(e(market.gate().som().display())).append(market.gate().meets() ? " meets it." : " falls short of it.").append("</p>");
        }
        if (s.gate() != null) {
            h.append("<p><strong>Decision: ").append(e(s.gate().decision().label())).append("</strong> by ").append(e(s.gate().decidedByName()))
                    .append(" on ").append(e(WHEN.format(s.gate().at()))).append(" — ").append(e(s.gate().rationale())).append("</p>");
        } else {
            h.append("<p>Not decided yet.</p>");
        }
        synthesis(h, s, Phase.MARKET_SIZING);

        h.append("<h2>5. Roadmap planning</h2>");
        if (s.initiatives().isEmpty()) {
            h.append("<p>No initiatives drafted yet.</p>");
        } else {
            h.append("<table class=\"brief-table\"><thead><tr><th>Initiative</th><th>Grounded in</th></tr></thead><tbody>");
            for (var i : s.initiatives()) {
                String label = s.linkLabel(i);
                h.append("<tr><td><strong>").append(e(i.title())).append("</strong>")
                        .append(i.description().isEmpty() ? "" : "<br/>" + e(i.description()))
                        .append("<br/><em>").append(e(i.horizon().label() + (i.targetQuarter() == null ? "" : ", " + i.targetQuarter())
                                + " · " + i.effortText())).append("</em></td><td>")
                        .append(label == null ? "<em>Orphaned: linked to no differentiator or problem statement</em>"
                                : e((i.linkKind() == app.truenorth.session.LinkKind.DIFFERENTIATOR ? "Differentiator: " : "Problem: ") + label))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        h.append("<h2>Plan vs actual</h2><table class=\"brief-table\"><thead><tr><th>Phase</th><th>Planned week</th>")
                .append("<th>Signed off in week</th><th></th></tr></thead><tbody>");
        for (var row : s.planVsActual(today)) {
            h.append("<tr><td>").append(e(row.phase().label())).append("</td><td>").append(row.plannedWeek()).append("</td><td>")
                    .append(row.actualWeek() == null ? "—" : row.actualWeek().toString()).append("</td><td>").append(e(row.verdict()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");

        h.append("<h2>Decisions</h2>");
        if (s.history().isEmpty()) {
            h.append("<p>None yet.</p>");
        } else {
            h.append("<ul class=\"brief-history\">");
            for (var d : s.history()) {
                h.append("<li>").append(e(WHEN.format(d.at()))).append(" — ").append(e(decision(d))).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</article>");
        return h.toString();
    }

    /** One line of the decision history in words: "Ana signed off Positioning: …". */
    private static String decision(SessionRecords.Decision d) {
        if (d.kind() == SessionRecords.DecisionKind.PHASE_SIGNED_OFF) {
            return d.phase().label() + " signed off by all approvers";
        }
        return d.name() + " " + d.kind().label() + " " + d.phase().label() + (d.comment().isEmpty() ? "" : ": " + d.comment());
    }

    private static void synthesis(StringBuilder h, StrategySession s, Phase p) {
        if (!s.synthesis(p).isEmpty()) {
            h.append("<p class=\"brief-synthesis\"><strong>What this changed in our thinking:</strong> ").append(e(s.synthesis(p))).append("</p>");
        }
        for (var c : s.changeRequests(p)) {
            h.append("<p class=\"brief-small\">Change requested by ").append(e(c.name())).append(" on ").append(e(WHEN.format(c.at())))
                    .append(": ").append(e(c.comment())).append(c.addressed() ? " (addressed)" : " (open)").append("</p>");
        }
    }

    private static void steps(StringBuilder h, List<MarketResult.Step> steps) {
        h.append("<table class=\"brief-table\"><thead><tr><th>Step</th><th>Math</th><th>Result</th></tr></thead><tbody>");
        for (var st : steps) {
            h.append("<tr><td>").append(e(st.label())).append("</td><td>").append(e(st.formula())).append("</td><td>")
                    .append(e(st.result().display())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value.isEmpty() ? "—" : value)).append("</td></tr>");
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none named" : String.join(", ", names);
    }

    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML: the PDF renderer would reject the document
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    // ---- PDF --------------------------------------------------------------------------------------

    public byte[] pdf(StrategySessions.Loaded loaded, LocalDate today) {
        return PdfDocuments.render(e(loaded.session().title()) + " · strategy brief", PDF_CSS,
                html(loaded, today) + "<p class=\"brief-small\">Generated by TrueNorth on " + e(WHEN.format(Instant.now())) + "</p>");
    }


    private static final String PDF_CSS = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1c2033; line-height: 1.4; }
            h1 { font-size: 20pt; margin: 0 0 4pt; }
            h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #dfe2ec; padding-bottom: 3pt; }
            h3 { font-size: 11pt; margin: 10pt 0 4pt; }
            .brief-meta, .brief-small { color: #5a6072; font-size: 9pt; }
            .brief-warning { background: #fff4d6; color: #8a5a00; padding: 6pt; }
            .brief-outcome { background: #eceefe; padding: 6pt; }
            .brief-statement { margin: 6pt 0; padding: 6pt 10pt; border-left: 3pt solid #2f3fc4; background: #f6f7fb; }
            .brief-table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            .brief-table th, .brief-table td { border: 1px solid #dfe2ec; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            .brief-table th { background: #f6f7fb; }
            .brief-chart { margin: 8pt 0; }
            """;

    // ---- Markdown -----------------------------------------------------------------------------------

    public String markdown(StrategySessions.Loaded loaded, LocalDate today) {
        StrategySession s = loaded.session();
        MarketResult market = loaded.market().result();
        StringBuilder m = new StringBuilder();
        m.append("# ").append(md(s.title())).append("\n\n");
        m.append("_").append(s.state().label()).append(" · facilitated by ").append(md(s.facilitator().name())).append(" · started ")
                .append(DAY.format(s.startDate())).append(" · plan of ").append(s.weeks()).append(" weeks_\n\n");
        if (s.outcome() != null) {
            m.append("**Outcome:** ").append(md(s.outcome())).append("\n\n");
        }
        m.append("**Participants:** ").append(md(String.join(", ", s.participants().stream().map(p -> p.name()).toList()))).append("\n\n");
        for (var pair : s.collapsedPairs()) {
            m.append("> **Collapsed session:** ").append(md(pair.message())).append("\n>\n");
        }
        m.append(s.collapsed() ? "\n" : "");
        m.append("## Phases and sign-offs\n\n| Phase | Status | Approvers | Signed off | Planned week |\n|---|---|---|---|---|\n");
        for (Phase p : Phase.values()) {
            m.append("| ").append(p.number()).append(". ").append(p.label()).append(" | ").append(s.status(p).label()).append(" | ")
                    .append(cell(names(s.approvers(p).stream().map(a -> a.name()).toList()))).append(" | ")
                    .append(cell(String.join(", ", s.signOffs(p).stream().map(o -> o.name() + " (" + WHEN.format(o.at()) + ")").toList())))
                    .append(" | ").append(s.plannedWeek(p)).append(" |\n");
        }
        m.append("\n## 1. Positioning\n\n> ").append(md(s.positioning().statement())).append("\n\n");
        int n = 1;
        for (var d : s.positioning().differentiators()) {
            m.append(n++).append(". ").append(md(d.text())).append("\n");
        }
        if (s.alignmentPercent() != null) {
            m.append("\n**Alignment:** ").append(s.alignmentPercent().toPlainString()).append(" % of ").append(s.votes().size())
                    .append(" participants agree.\n\n");
            s.votes().forEach(v -> m.append("- ").append(md(v.name())).append(": ").append(v.agree() ? "agrees" : "disagrees")
                    .append(v.comment().isEmpty() ? "" : " — " + md(v.comment())).append("\n"));
        }
        mdSynthesis(m, s, Phase.POSITIONING);
        var f = s.framing();
        m.append("\n## 2. Problem framing\n\n");
        String[][] canvas = {{"What is the problem", f.problem()}, {"Symptoms", f.symptoms()}, {"Why it is unsolved", f.whyUnsolved()},
                {"Our assumptions and biases", f.assumptions()}, {"Who has it", f.whoHasIt()}, {"When and where", f.whenWhere()},
                {"Consequences", f.consequences()}, {"Who else is affected", f.whoElse()}, {"Current alternatives", f.currentAlternatives()}};
        for (String[] c : canvas) {
            m.append("- **").append(c[0]).append(":** ").append(md(c[1].isEmpty() ? "—" : c[1])).append("\n");
        }
        m.append("\n> ").append(md(f.reframedStatement().isEmpty() ? "No reframed problem statement yet." : f.reframedStatement())).append("\n");
        mdSynthesis(m, s, Phase.PROBLEM_FRAMING);
        m.append("\n## 3. Problem statements\n\n");
        n = 1;
        for (var st : s.statements()) {
            m.append(n++).append(". ").append(md(st.sentence())).append(" _(Evidence: ").append(md(st.evidence()))
                    .append(st.validated() ? "; validated" : "; not validated").append(")_\n");
        }
        mdSynthesis(m, s, Phase.PROBLEM_STATEMENTS);
        m.append("\n## 4. Market sizing\n\nCurrency ").append(loaded.market().model().currency().getCurrencyCode())
                .append(" · SOM horizon ").append(loaded.market().model().horizonYears()).append(" years\n");
        for (MarketResult.Sized sized : new MarketResult.Sized[] {market.topDown(), market.bottomUp()}) {
            if (sized != null) {
                m.append("\n### ").append(sized.method()).append("\n\n");
                mdSteps(m, sized.steps());
            }
        }
        if (market.valueTheory() != null) {
            m.append("\n### Value theory\n\n");
            mdSteps(m, market.valueTheory().steps());
        }
        if (market.primary() != null) {
            var size = market.primary().size();
            m.append("\n**TAM** ").append(size.tam().display()).append(" · **SAM** ").append(size.sam().display()).append(" · **SOM** ")
                    .append(size.som().display()).append(" (").append(market.primary().method()).append(")\n\n");
            m.append("**Scenarios (SOM):** ").append(String.join(" · ", market.scenarios().stream()
                    .map(sc -> sc.name() + " " + sc.som().display()).toList())).append("\n");
        }
        if (market.reconciliation() != null) {
            var r = market.reconciliation();
            m.append("\n").append(r.warning() ? "> **Reconciliation warning:** " : "**Reconciliation:** ").append("top-down SOM ")
                    .append(r.topDownSom().display()).append(" vs bottom-up SOM ").append(r.bottomUpSom().display()).append(": ")
                    .append(r.differencePercent()).append(" apart.\n");
        }
        m.append("\n### Go/no-go gate\n\n");
        if (market.gate() != null) {
            m.append("SOM threshold ").append(market.gate().threshold().display()).append("; SOM ").append(market.gate().som().display())
                    .append(market.gate().meets() ? " meets it.\n\n" : " falls short of it.\n\n");
        }
        m.append(s.gate() == null ? "Not decided yet.\n" : "**Decision: " + s.gate().decision().label() + "** by " + md(s.gate().decidedByName())
                + " — " + md(s.gate().rationale()) + "\n");
        mdSynthesis(m, s, Phase.MARKET_SIZING);
        m.append("\n## 5. Roadmap planning\n\n");
        for (var i : s.initiatives()) {
            String label = s.linkLabel(i);
            m.append("- **").append(md(i.title())).append("** (").append(i.horizon().label())
                    .append(i.targetQuarter() == null ? "" : ", " + i.targetQuarter()).append("; ").append(md(i.effortText()))
                    .append(") — ").append(label == null ? "_orphaned_" : md(label))
                    .append(i.description().isEmpty() ? "" : ": " + md(i.description())).append("\n");
        }
        m.append("\n## Plan vs actual\n\n| Phase | Planned week | Signed off in week | |\n|---|---|---|---|\n");
        for (SessionRecords.PhasePlan row : s.planVsActual(today)) {
            m.append("| ").append(row.phase().label()).append(" | ").append(row.plannedWeek()).append(" | ")
                    .append(row.actualWeek() == null ? "—" : row.actualWeek().toString()).append(" | ").append(row.verdict()).append(" |\n");
        }
        m.append("\n## Decisions\n\n");
        for (var d : s.history()) {
            m.append("- ").append(WHEN.format(d.at())).append(" — ").append(md(decision(d))).append("\n");
        }
        return m.toString();
    }

    private static void mdSynthesis(StringBuilder m, StrategySession s, Phase p) {
        if (!s.synthesis(p).isEmpty()) {
            m.append("\n**What this changed in our thinking:** ").append(md(s.synthesis(p))).append("\n");
        }
    }

    private static void mdSteps(StringBuilder m, List<MarketResult.Step> steps) {
        m.append("| Step | Math | Result |\n|---|---|---|\n");
        steps.forEach(st -> m.append("| ").append(cell(st.label())).append(" | ").append(cell(st.formula())).append(" | ")
                .append(st.result().display()).append(" |\n"));
    }

    /** Markdown that renders as the text typed: markup characters are escaped, lines kept together. */
    static String md(String s) {
        return s == null ? "" : s.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1").replace("\r", "").replace("\n", " ");
    }

    private static String cell(String s) {
        return md(s);
    }
}
