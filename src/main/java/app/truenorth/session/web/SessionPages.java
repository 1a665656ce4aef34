package app.truenorth.session.web;

import app.truenorth.market.GateDecision;
import app.truenorth.market.MarketDraft;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.session.LinkKind;
import app.truenorth.session.Phase;
import app.truenorth.session.PlannedInitiative;
import app.truenorth.session.PlanningHorizon;
import app.truenorth.session.Positioning;
import app.truenorth.session.ProblemFraming;
import app.truenorth.session.ProblemStatement;
import app.truenorth.session.StrategySessions;
import app.truenorth.session.brief.StrategyBrief;
import app.truenorth.workspace.MemberAction;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import app.truenorth.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The strategy section: the product's sessions, a guided page per phase, the market page and the
 * brief. Forms post to the server (they work without JavaScript) and htmx submits them in place:
 * an htmx request gets the re-rendered page content back, with the outcome or the errors beside
 * the fields, so the person never loses their place.
 */
@Controller
class SessionPages {

    private static final String SESSION = "/products/{productId}/strategy/sessions/{sessionId}";

    private final StrategySessions sessions;
    private final StrategyBrief brief;
    private final Workspaces workspaces;
    private final ShellFactory shells;

    SessionPages(StrategySessions sessions, StrategyBrief brief, Workspaces workspaces, ShellFactory shells) {
        this.sessions = sessions;
        this.brief = brief;
        this.workspaces = workspaces;
        this.shells = shells;
    }

    // ---- the section and its sessions ------------------------------------------------------------

    @GetMapping("/products/{productId}/strategy")
    String index(ProductAccess product, HttpServletRequest request, Model model) {
        return renderIndex(product, request, model, Map.of(), FormErrors.none());
    }

    @PostMapping("/products/{productId}/strategy/sessions")
    ModelAndView start(ProductAccess product, @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        LocalDate startDate = form.field("startDate").required().date();
        return Submit.of(request, () -> sessions.start(product.productId(), params.get("title"), startDate, params.get("currency")))
                .refusedBy(form)
                .redirect(loaded -> "/products/" + product.productId() + "/strategy/sessions/" + loaded.session().id(),
                        loaded -> "Started " + loaded.session().title() + ". Positioning is open.")
                .orRender(errors -> renderIndex(product, request, model, params, errors));
    }

    private String renderIndex(ProductAccess product, HttpServletRequest request, Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("shell", shells.product(request, product, "Strategy · " + product.productName(), "strategy"));
        model.addAttribute("productId", product.productId());
        model.addAttribute("sessions", sessions.list(product.productId()));
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", sessions.today());
        return "session/index";
    }

    @GetMapping(SESSION)
    String overview(ProductAccess product, @PathVariable long sessionId, HttpServletRequest request, Model model) {
        return render(product, sessionId, null, request, model, Map.of(), FormErrors.none(), null, null);
    }

    @GetMapping(SESSION + "/{phase:positioning|problem-framing|problem-statements|market-sizing|roadmap-planning}")
    String phase(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase, HttpServletRequest request,
            Model model) {
        return render(product, sessionId, Phase.fromSlug(phase), request, model, Map.of(), FormErrors.none(), null, null);
    }

    // ---- people and plan ------------------------------------------------------------------------

    @PostMapping(SESSION + "/participants")
    ModelAndView addParticipant(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        Long userId = form.field("userId").required("choose one from the list").id();
        return submit(product, sessionId, null, form, request, model, "Added the participant.",
                () -> sessions.addParticipant(product.productId(), sessionId, version, userId));
    }

    @PostMapping(SESSION + "/approvers")
    ModelAndView approvers(ProductAccess product, @PathVariable long sessionId, @RequestParam MultiValueMap<String, String> multi,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(multi);
        Phase phase = phaseParam(form.text("phase"));
        Integer version = form.optionalVersion();
        List<Long> ids = new ArrayList<>();
        for (String id : form.all("userIds")) {
            ids.add(form.field("approvers", id).id());
        }
        return submit(product, sessionId, null, form, request, model, "Named the approvers of " + phase.label() + ".",
                () -> sessions.nameApprovers(product.productId(), sessionId, version, phase, ids));
    }

    @PostMapping(SESSION + "/plan")
    ModelAndView plan(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        Map<Phase, Integer> weeks = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            weeks.put(p, form.field("week." + p.slug()).required("must be a whole number").whole());
        }
        LocalDate startDate = form.field("startDate").required().date();
        Integer total = form.field("weeks").required("must be a whole number").whole();
        return submit(product, sessionId, null, form, request, model, "Saved the plan.",
                () -> sessions.plan(product.productId(), sessionId, version, startDate, total, weeks));
    }

    // ---- phase actions --------------------------------------------------------------------------

    @PostMapping(SESSION + "/{phase}/synthesis")
    ModelAndView synthesis(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Phase p = phaseParam(phase);
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, p, form, request, model, "Saved the synthesis note.",
                () -> sessions.writeSynthesis(product.productId(), sessionId, version, p, params.get("synthesis")));
    }

    @MemberAction
    @PostMapping(SESSION + "/{phase}/sign-off")
    ModelAndView signOff(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Phase p = phaseParam(phase);
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, p, form, request, model, "You signed off " + p.label() + ".",
                () -> sessions.signOff(product.productId(), sessionId, version, p));
    }

    @MemberAction
    @PostMapping(SESSION + "/{phase}/request-changes")
    ModelAndView requestChanges(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Phase p = phaseParam(phase);
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, p, form, request, model, "You requested changes to " + p.label() + ".",
                () -> sessions.requestChanges(product.productId(), sessionId, version, p, params.get("comment")));
    }

    @MemberAction
    @PostMapping(SESSION + "/{phase}/reopen")
    ModelAndView reopen(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Phase p = phaseParam(phase);
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, p, form, request, model, "Reopened " + p.label() + ". Later signed-off phases are flagged for review.",
                () -> sessions.reopen(product.productId(), sessionId, version, p, params.get("reason")));
    }

    @MemberAction
    @PostMapping(SESSION + "/{phase}/confirm")
    ModelAndView confirm(ProductAccess product, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        Phase p = phaseParam(phase);
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, p, form, request, model, "Confirmed " + p.label() + " still holds.",
                () -> sessions.confirm(product.productId(), sessionId, version, p));
    }

    // ---- artifacts ------------------------------------------------------------------------------

    @PostMapping(SESSION + "/positioning/statement")
    ModelAndView positioning(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        List<Positioning.Differentiator> diffs = new ArrayList<>();
        for (int i = 0; form.sent("differentiators[" + i + "].text"); i++) {
            String text = form.text("differentiators[" + i + "].text");
            if (text != null && !text.isBlank()) {
                diffs.add(new Positioning.Differentiator(form.field("differentiators", form.text("differentiators[" + i + "].id")).id(), text));
            }
        }
        return submit(product, sessionId, Phase.POSITIONING, form, request, model, "Saved the positioning.",
                () -> sessions.updatePositioning(product.productId(), sessionId, version, new Positioning(params.get("targetCustomer"),
                        params.get("need"), params.get("productName"), params.get("category"), params.get("keyBenefit"),
                        params.get("alternative"), diffs)));
    }

    @MemberAction
    @PostMapping(SESSION + "/positioning/vote")
    ModelAndView vote(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        return submit(product, sessionId, Phase.POSITIONING, form, request, model, "Recorded your view.",
                () -> sessions.vote(product.productId(), sessionId, "agree".equals(params.get("view")), params.get("voteComment")));
    }

    @PostMapping(SESSION + "/problem-framing/canvas")
    ModelAndView framing(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.PROBLEM_FRAMING, form, request, model, "Saved the canvas.",
                () -> sessions.updateFraming(product.productId(), sessionId, version, new ProblemFraming(params.get("problem"),
                        params.get("symptoms"), params.get("whyUnsolved"), params.get("assumptions"), params.get("whoHasIt"),
                        params.get("whenWhere"), params.get("consequences"), params.get("whoElse"), params.get("currentAlternatives"),
                        params.get("reframedStatement"))));
    }

    @PostMapping(SESSION + "/problem-statements/add")
    ModelAndView addStatement(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        Integer interviews = form.field("interviewCount").whole();
        return submit(product, sessionId, Phase.PROBLEM_STATEMENTS, form, request, model, "Added the problem statement.",
                () -> sessions.addStatement(product.productId(), sessionId, version, statement(null, form, interviews)));
    }

    @PostMapping(SESSION + "/problem-statements/{statementId}/save")
    ModelAndView saveStatement(ProductAccess product, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        Integer interviews = form.field("interviewCount").whole();
        return submit(product, sessionId, Phase.PROBLEM_STATEMENTS, form, request, model, "Saved the statement.",
                () -> sessions.updateStatement(product.productId(), sessionId, version, statementId, statement(null, form, interviews)));
    }

    @PostMapping(SESSION + "/problem-statements/{statementId}/validate")
    ModelAndView toggleValidated(ProductAccess product, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.PROBLEM_STATEMENTS, form, request, model, "Updated the statement.", () -> {
            var current = sessions.get(product.productId(), sessionId).session().statements().stream()
                    .filter(s -> s.id() == statementId).findFirst().orElseThrow(() -> new NotFoundException("Problem statement"));
            var changed = new ProblemStatement(statementId, current.persona(), current.outcome(), current.barrier(),
                    current.rootCause(), current.emotion(), current.interviewCount(), current.dataSource(), !current.validated());
            return sessions.updateStatement(product.productId(), sessionId, version, statementId, changed);
        });
    }

    @PostMapping(SESSION + "/problem-statements/{statementId}/remove")
    ModelAndView removeStatement(ProductAccess product, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.PROBLEM_STATEMENTS, form, request, model, "Removed the statement.",
                () -> sessions.removeStatement(product.productId(), sessionId, version, statementId));
    }

    @PostMapping(SESSION + "/market-sizing/model")
    ModelAndView market(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer marketVersion = form.field("marketVersion").required("must be a whole number").whole();
        return submit(product, sessionId, Phase.MARKET_SIZING, form, request, model, "Saved the market model.",
                () -> sessions.saveMarket(product.productId(), sessionId, marketVersion, MarketForm.draft(params)));
    }

    @PostMapping(SESSION + "/market-sizing/gate")
    ModelAndView gate(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        // an unknown decision is left to the session's own check, which names the three choices
        GateDecision decision = FormBinder.empty().field("decision", params.get("decision")).choice(GateDecision.class);
        return submit(product, sessionId, Phase.MARKET_SIZING, form, request, model, "Recorded the decision.",
                () -> sessions.decideGate(product.productId(), sessionId, version, decision, params.get("rationale")));
    }

    @PostMapping(SESSION + "/roadmap-planning/add")
    ModelAndView addInitiative(ProductAccess product, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.ROADMAP_PLANNING, form, request, model, "Drafted the initiative.",
                () -> sessions.addInitiative(product.productId(), sessionId, version, initiative(null, params)));
    }

    @PostMapping(SESSION + "/roadmap-planning/{initiativeId}/save")
    ModelAndView saveInitiative(ProductAccess product, @PathVariable long sessionId, @PathVariable long initiativeId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.ROADMAP_PLANNING, form, request, model, "Saved the initiative.",
                () -> sessions.updateInitiative(product.productId(), sessionId, version, initiativeId, initiative(initiativeId, params)));
    }

    @PostMapping(SESSION + "/roadmap-planning/{initiativeId}/remove")
    ModelAndView removeInitiative(ProductAccess product, @PathVariable long sessionId, @PathVariable long initiativeId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.optionalVersion();
        return submit(product, sessionId, Phase.ROADMAP_PLANNING, form, request, model, "Removed the initiative.",
                () -> sessions.removeInitiative(product.productId(), sessionId, version, initiativeId));
    }

    /**
     * The link select sends "D:12" for a differentiator, "P:34" for a problem statement, "" for none. The
     * planning fields that cannot be read are reported together with the draft's own checks, each beside
     * its field.
     */
    private static PlannedInitiative initiative(Long id, Map<String, String> params) {
        FormBinder form = FormBinder.of(params);
        String link = params.getOrDefault("link", "");
        LinkKind kind = null;
        Long linkId = null;
        if (link.startsWith("D:") || link.startsWith("P:")) {
            kind = link.startsWith("D:") ? LinkKind.DIFFERENTIATOR : LinkKind.PROBLEM_STATEMENT;
            linkId = form.field("link", link.substring(2)).required("choose one from the list").id();
        } else if (!link.isBlank()) {
            form.problem("link", "choose one from the list");
        }
        PlanningHorizon horizon = form.field("horizon").choice(PlanningHorizon.class, "choose Now, Next or Later");
        BigDecimal low = form.field("effortLow").decimal("must be a number of person-weeks, like 4 or 2.5");
        BigDecimal high = form.field("effortHigh").decimal("must be a number of person-weeks, like 4 or 2.5");
        boolean unreadableEffort = form.problems().has("effortLow") || form.problems().has("effortHigh");
        if (low == null && high == null && !unreadableEffort) {
            form.problem("effortLow", "is required (person-weeks)");
            form.problem("effortHigh", "is required (person-weeks)");
            unreadableEffort = true;
        }
        try {
            // the draft checks everything else even when a planning field could not be read
            var initiative = new PlannedInitiative(id, params.get("title"), params.get("description"), kind, linkId,
                    horizon == null && form.problems().has("horizon") ? PlanningHorizon.NEXT : horizon,
                    unreadableEffort ? null : low, unreadableEffort ? null : high, params.get("targetQuarter"));
            form.check();
            return initiative;
        } catch (InvalidInputException e) {
            form.problems().addAll(e);
            throw new InvalidInputException(form.problems().asMap());
        }
    }

    // ---- the brief --------------------------------------------------------------------------------

    @GetMapping(SESSION + "/brief")
    String briefPage(ProductAccess product, @PathVariable long sessionId, HttpServletRequest request, Model model) {
        var loaded = sessions.get(product.productId(), sessionId);
        model.addAttribute("shell", shells.product(request, product, "Brief · " + loaded.session().title(), "strategy"));
        model.addAttribute("base", "/products/" + product.productId() + "/strategy/sessions/" + sessionId);
        model.addAttribute("brief", brief.document(loaded, sessions.today()));
        return "session/brief";
    }

    @GetMapping("/products/{productId}/strategy/sessions/{sessionId}/brief.md")
    ResponseEntity<String> briefMarkdown(@PathVariable long productId, @PathVariable long sessionId) {
        var loaded = sessions.get(productId, sessionId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"strategy-brief-" + sessionId + ".md\"")
                .body(brief.markdown(loaded, sessions.today()));
    }

    @GetMapping("/products/{productId}/strategy/sessions/{sessionId}/brief.pdf")
    ResponseEntity<byte[]> briefPdf(@PathVariable long productId, @PathVariable long sessionId) {
        var loaded = sessions.get(productId, sessionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"strategy-brief-" + sessionId + ".pdf\"")
                .body(brief.pdf(loaded, sessions.today()));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /**
     * Submits a change of the session through the kit: a plain post redirects to the page it came from,
     * an htmx post gets the page content back with the outcome; a refusal re-renders the page with the
     * message beside the field (or at the top), the person's input kept; a conflict shows what is there
     * now, with its current version.
     */
    private ModelAndView submit(ProductAccess product, long sessionId, Phase phase, FormBinder form, HttpServletRequest request,
            Model model, String done, Supplier<StrategySessions.Loaded> change) {
        Map<String, String> typed = form.values();
        return Submit.of(request, change)
                .refusedBy(form)
                .redirect(loaded -> "/products/" + product.productId() + "/strategy/sessions/" + sessionId
                        + (phase == null ? "" : "/" + phase.slug()), loaded -> done)
                .inPlaceForHtmx(loaded -> render(product, sessionId, phase, request, model, Map.of(), FormErrors.none(), done, loaded))
                .onConflict(errors -> {
                    Map<String, String> kept = new HashMap<>(typed);
                    kept.remove("version"); // the page shows what is there now, with its current version
                    kept.remove("marketVersion");
                    return render(product, sessionId, phase, request, model, kept, errors, null, null);
                })
                .orRender(errors -> render(product, sessionId, phase, request, model, typed, errors, null, null));
    }

    private String render(ProductAccess product, long sessionId, Phase phase, HttpServletRequest request, Model model,
            Map<String, String> form, FormErrors errors, String notice, StrategySessions.Loaded loaded) {
        var current = loaded != null ? loaded : sessions.get(product.productId(), sessionId);
        String title = (phase == null ? "" : phase.label() + " · ") + current.session().title();
        var context = new PageContext(shells.product(request, product, title, "strategy"), product.productId(), current.session(),
                current.market(), Callers.current().id(), product.can(Permission.EDIT), sessions.today(), errors, form, notice,
                workspaces.members(product.workspaceId()));
        model.addAttribute("c", context);
        if (phase == null) {
            return "session/overview";
        }
        model.addAttribute("phase", phase);
        if (phase == Phase.MARKET_SIZING) {
            var result = current.market().result();
            model.addAttribute("chart", result.primary() == null ? null
                    : NestedCirclesChart.render(result.primary().size(), result.primary().method(), current.market().model().horizonYears()));
            model.addAttribute("draft", form.isEmpty() ? MarketDraft.of(current.market().model()) : MarketForm.lenient(form));
        }
        return "session/phase";
    }

    /** A phase chosen in a form or named in the path: a missing or unknown one is bad input. */
    private static Phase phaseParam(String slug) {
        Phase p = slug == null ? null : Phase.fromSlug(slug);
        if (p == null) {
            throw new InvalidInputException("phase", "Choose one of the five phases.");
        }
        return p;
    }

    private static ProblemStatement statement(Long id, FormBinder form, Integer interviews) {
        return new ProblemStatement(id, form.text("persona"), form.text("outcome"), form.text("barrier"), form.text("rootCause"),
                form.text("emotion"), interviews == null ? 0 : interviews, form.text("dataSource"), form.sent("validated"));
    }
}
