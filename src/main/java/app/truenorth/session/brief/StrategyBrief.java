package app.truenorth.session.brief;

import app.truenorth.market.MarketResult;
import app.truenorth.platform.html.Templates;
import app.truenorth.platform.pdf.PdfDocuments;
import app.truenorth.session.Phase;
import app.truenorth.session.SessionRecords;
import app.truenorth.session.StrategySession;
import app.truenorth.session.StrategySessions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The strategy brief: the whole session (artifacts, decisions, sign-offs, market math) as one
 * document. One template ({@code session/brief/document.jte}) renders it for the brief page and inside
 * the PDF, so they never drift apart; the Markdown twin is for pasting into wikis and pull requests.
 */
@Service
public class StrategyBrief {

    // ---- HTML and PDF -------------------------------------------------------------------------------

    /** What the brief's page and PDF show (both render the template {@code session/brief/document.jte}). */
    public Brief document(StrategySessions.Loaded loaded, LocalDate today) {
        return new Brief(loaded.session(), loaded.market().model(), loaded.market().result(), today);
    }

    public byte[] pdf(StrategySessions.Loaded loaded, LocalDate today) {
        return PdfDocuments.render(Templates.xhtml("session/brief/pdf.jte", Map.of("brief", document(loaded, today))));
    }

    // ---- Markdown -----------------------------------------------------------------------------------

    public String markdown(StrategySessions.Loaded loaded, LocalDate today) {
        Brief brief = document(loaded, today);
        StrategySession s = loaded.session();
        MarketResult market = loaded.market().result();
        StringBuilder m = new StringBuilder();
        m.append("# ").append(md(s.title())).append("\n\n");
        m.append("_").append(s.state().label()).append(" · facilitated by ").append(md(s.facilitator().name())).append(" · started ")
                .append(Brief.DAY.format(s.startDate())).append(" · plan of ").append(s.weeks()).append(" weeks_\n\n");
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
                    .append(cell(brief.names(s.approvers(p).stream().map(a -> a.name()).toList()))).append(" | ")
                    .append(cell(String.join(", ", s.signOffs(p).stream().map(o -> o.name() + " (" + Brief.WHEN.format(o.at()) + ")").toList())))
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
            m.append("- ").append(Brief.WHEN.format(d.at())).append(" — ").append(md(brief.decision(d))).append("\n");
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
