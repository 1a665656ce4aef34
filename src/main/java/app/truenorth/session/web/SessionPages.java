package app.truenorth.session.web;

import app.truenorth.market.GateDecision;
import app.truenorth.market.MarketDraft;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Pages;
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
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The strategy section: the product's sessions, a guided page per phase, the market page and the
 * brief. Forms post to the server (they work without JavaScript) and htmx submits them in place:
 * an htmx request gets the re-rendered page content back, with the outcome or the errors beside
 * the fields, so the person never loses their place.
 */
@Controller
class SessionPages {

    private final StrategySessions sessions;
    private final StrategyBrief brief;
    private final WorkspaceAccess access;
    private final Workspaces workspaces;
    private final ShellFactory shells;

    SessionPages(StrategySessions sessions, StrategyBrief brief, WorkspaceAccess access, Workspaces workspaces, ShellFactory shells) {
        this.sessions = sessions;
        this.brief = brief;
        this.access = access;
        this.workspaces = workspaces;
        this.shells = shells;
    }

    // ---- the section and its sessions ------------------------------------------------------------

    @GetMapping("/products/{productId}/strategy")
    String index(@PathVariable long productId, HttpServletRequest request, Model model) {
        return renderIndex(productId, request, model, Map.of(), FormErrors.none());
    }

    @PostMapping("/products/{productId}/strategy/sessions")
    String start(@PathVariable long productId, @RequestParam Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            LocalDate startDate = date(params.get("startDate"), "startDate");
            var loaded = sessions.start(productId, params.get("title"), startDate, params.get("currency"));
            redirect.addFlashAttribute(ShellFactory.FLASH, "Started " + loaded.session().title() + ". Positioning is open.");
            return "redirect:/products/" + productId + "/strategy/sessions/" + loaded.session().id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return renderIndex(productId, request, model, params, FormErrors.of(e.fieldErrors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            return renderIndex(productId, request, model, params, FormErrors.global(e.getMessage()));
        }
    }

    private String renderIndex(long productId, HttpServletRequest request, Model model, Map<String, String> form, FormErrors errors) {
        var product = access.product(productId, Permission.READ);
        model.addAttribute("shell", shells.product(request, product, "Strategy · " + product.productName(), "strategy"));
        model.addAttribute("productId", productId);
        model.addAttribute("sessions", sessions.list(productId));
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", sessions.today());
        return "session/index";
    }

    @GetMapping("/products/{productId}/strategy/sessions/{sessionId}")
    String overview(@PathVariable long productId, @PathVariable long sessionId, HttpServletRequest request, Model model) {
        return render(productId, sessionId, null, request, model, Map.of(), FormErrors.none(), null);
    }

    @GetMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase:positioning|problem-framing|problem-statements|market-sizing|roadmap-planning}")
    String phase(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase, HttpServletRequest request,
            Model model) {
        return render(productId, sessionId, Phase.fromSlug(phase), request, model, Map.of(), FormErrors.none(), null);
    }

    // ---- people and plan ------------------------------------------------------------------------

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/participants")
    String addParticipant(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, null, params, request, response, model, redirect, "Added the participant.",
                () -> sessions.addParticipant(productId, sessionId, version(params), longParam(params, "userId")));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/approvers")
    String approvers(@PathVariable long productId, @PathVariable long sessionId, @RequestParam MultiValueMap<String, String> multi,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> params = multi.toSingleValueMap();
        Phase phase = phaseParam(params.get("phase"));
        List<Long> ids = new ArrayList<>();
        for (String id : multi.getOrDefault("userIds", List.of())) {
            ids.add(parseLong(id, "approvers"));
        }
        return act(productId, sessionId, null, params, request, response, model, redirect, "Named the approvers of " + phase.label() + ".",
                () -> sessions.nameApprovers(productId, sessionId, version(params), phase, ids));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/plan")
    String plan(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, null, params, request, response, model, redirect, "Saved the plan.", () -> {
            Map<Phase, Integer> weeks = new EnumMap<>(Phase.class);
            for (Phase p : Phase.values()) {
                weeks.put(p, intParam(params, "week." + p.slug()));
            }
            return sessions.plan(productId, sessionId, version(params), date(params.get("startDate"), "startDate"),
                    intParam(params, "weeks"), weeks);
        });
    }

    // ---- phase actions --------------------------------------------------------------------------

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase}/synthesis")
    String synthesis(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Phase p = phaseParam(phase);
        return act(productId, sessionId, p, params, request, response, model, redirect, "Saved the synthesis note.",
                () -> sessions.writeSynthesis(productId, sessionId, version(params), p, params.get("synthesis")));
    }

    @MemberAction
    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase}/sign-off")
    String signOff(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Phase p = phaseParam(phase);
        return act(productId, sessionId, p, params, request, response, model, redirect, "You signed off " + p.label() + ".",
                () -> sessions.signOff(productId, sessionId, version(params), p));
    }

    @MemberAction
    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase}/request-changes")
    String requestChanges(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Phase p = phaseParam(phase);
        return act(productId, sessionId, p, params, request, response, model, redirect, "You requested changes to " + p.label() + ".",
                () -> sessions.requestChanges(productId, sessionId, version(params), p, params.get("comment")));
    }

    @MemberAction
    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase}/reopen")
    String reopen(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Phase p = phaseParam(phase);
        return act(productId, sessionId, p, params, request, response, model, redirect,
                "Reopened " + p.label() + ". Later signed-off phases are flagged for review.",
                () -> sessions.reopen(productId, sessionId, version(params), p, params.get("reason")));
    }

    @MemberAction
    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/{phase}/confirm")
    String confirm(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Phase p = phaseParam(phase);
        return act(productId, sessionId, p, params, request, response, model, redirect, "Confirmed " + p.label() + " still holds.",
                () -> sessions.confirm(productId, sessionId, version(params), p));
    }

    // ---- artifacts ------------------------------------------------------------------------------

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/positioning/statement")
    String positioning(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.POSITIONING, params, request, response, model, redirect, "Saved the positioning.", () -> {
            List<Positioning.Differentiator> diffs = new ArrayList<>();
            for (int i = 0; params.containsKey("differentiators[" + i + "].text"); i++) {
                String text = params.get("differentiators[" + i + "].text");
                String id = params.get("differentiators[" + i + "].id");
                if (text != null && !text.isBlank()) {
                    diffs.add(new Positioning.Differentiator(id == null || id.isBlank() ? null : parseLong(id, "differentiators"), text));
                }
            }
            var positioning = new Positioning(params.get("targetCustomer"), params.get("need"), params.get("productName"),
                    params.get("category"), params.get("keyBenefit"), params.get("alternative"), diffs);
            return sessions.updatePositioning(productId, sessionId, version(params), positioning);
        });
    }

    @MemberAction
    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/positioning/vote")
    String vote(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.POSITIONING, params, request, response, model, redirect, "Recorded your view.",
                () -> sessions.vote(productId, sessionId, "agree".equals(params.get("view")), params.get("voteComment")));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/problem-framing/canvas")
    String framing(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.PROBLEM_FRAMING, params, request, response, model, redirect, "Saved the canvas.",
                () -> sessions.updateFraming(productId, sessionId, version(params), new ProblemFraming(params.get("problem"),
                        params.get("symptoms"), params.get("whyUnsolved"), params.get("assumptions"), params.get("whoHasIt"),
                        params.get("whenWhere"), params.get("consequences"), params.get("whoElse"), params.get("currentAlternatives"),
                        params.get("reframedStatement"))));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/problem-statements/add")
    String addStatement(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.PROBLEM_STATEMENTS, params, request, response, model, redirect,
                "Added the problem statement.", () -> sessions.addStatement(productId, sessionId, version(params), statement(params)));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/problem-statements/{statementId}/save")
    String saveStatement(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.PROBLEM_STATEMENTS, params, request, response, model, redirect, "Saved the statement.",
                () -> sessions.updateStatement(productId, sessionId, version(params), statementId, statement(params)));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/problem-statements/{statementId}/validate")
    String toggleValidated(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.PROBLEM_STATEMENTS, params, request, response, model, redirect, "Updated the statement.",
                () -> {
                    var current = sessions.get(productId, sessionId).session().statements().stream()
                            .filter(s -> s.id() == statementId).findFirst().orElseThrow(() -> new NotFoundException("Problem statement"));
                    var changed = new ProblemStatement(statementId, current.persona(), current.outcome(), current.barrier(),
                            current.rootCause(), current.emotion(), current.interviewCount(), current.dataSource(), !current.validated());
                    return sessions.updateStatement(productId, sessionId, version(params), statementId, changed);
                });
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/problem-statements/{statementId}/remove")
    String removeStatement(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long statementId,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.PROBLEM_STATEMENTS, params, request, response, model, redirect, "Removed the statement.",
                () -> sessions.removeStatement(productId, sessionId, version(params), statementId));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/market-sizing/model")
    String market(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.MARKET_SIZING, params, request, response, model, redirect, "Saved the market model.",
                () -> sessions.saveMarket(productId, sessionId, intParam(params, "marketVersion"), MarketForm.draft(params)));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/market-sizing/gate")
    String gate(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.MARKET_SIZING, params, request, response, model, redirect, "Recorded the decision.", () -> {
            GateDecision decision;
            try {
                decision = params.get("decision") == null ? null : GateDecision.valueOf(params.get("decision"));
            } catch (IllegalArgumentException e) {
                decision = null;
            }
            return sessions.decideGate(productId, sessionId, version(params), decision, params.get("rationale"));
        });
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/roadmap-planning/add")
    String addInitiative(@PathVariable long productId, @PathVariable long sessionId, @RequestParam Map<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.ROADMAP_PLANNING, params, request, response, model, redirect, "Drafted the initiative.",
                () -> sessions.addInitiative(productId, sessionId, version(params), initiative(null, params)));
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/roadmap-planning/{initiativeId}/save")
    String saveInitiative(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long initiativeId,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.ROADMAP_PLANNING, params, request, response, model, redirect, "Saved the initiative.",
                () -> sessions.updateInitiative(productId, sessionId, version(params), initiativeId, initiative(initiativeId, params)));
    }

    /** The link select sends "D:12" for a differentiator, "P:34" for a problem statement, "" for none. */
    private static PlannedInitiative initiative(Long id, Map<String, String> params) {
        String link = params.getOrDefault("link", "");
        LinkKind kind = null;
        Long linkId = null;
        if (link.startsWith("D:") || link.startsWith("P:")) {
            kind = link.startsWith("D:") ? LinkKind.DIFFERENTIATOR : LinkKind.PROBLEM_STATEMENT;
            linkId = parseLong(link.substring(2), "link");
        } else if (!link.isBlank()) {
            throw new InvalidInputException("link", "choose one from the list");
        }
        // unreadable planning fields are reported together with the record's own checks, next to each field
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        PlanningHorizon horizon = null;
        String h = params.getOrDefault("horizon", "").trim();
        if (!h.isEmpty()) {
            try {
                horizon = PlanningHorizon.valueOf(h);
            } catch (IllegalArgumentException e) {
                errors.put("horizon", "choose Now, Next or Later");
            }
        }
        java.math.BigDecimal low = decimal(params.get("effortLow"), "effortLow", errors);
        java.math.BigDecimal high = decimal(params.get("effortHigh"), "effortHigh", errors);
        if (low == null && high == null && !errors.containsKey("effortLow") && !errors.containsKey("effortHigh")) {
            errors.put("effortLow", "is required (person-weeks)");
            errors.put("effortHigh", "is required (person-weeks)");
        }
        try {
            var initiative = new PlannedInitiative(id, params.get("title"), params.get("description"), kind, linkId,
                    horizon == null && errors.containsKey("horizon") ? PlanningHorizon.NEXT : horizon,
                    errors.containsKey("effortLow") || errors.containsKey("effortHigh") ? null : low,
                    errors.containsKey("effortLow") || errors.containsKey("effortHigh") ? null : high, params.get("targetQuarter"));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return initiative;
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
            throw new InvalidInputException(errors);
        }
    }

    private static java.math.BigDecimal decimal(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(raw.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number of person-weeks, like 4 or 2.5");
            return null;
        }
    }

    @PostMapping("/products/{productId}/strategy/sessions/{sessionId}/roadmap-planning/{initiativeId}/remove")
    String removeInitiative(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long initiativeId,
            @RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return act(productId, sessionId, Phase.ROADMAP_PLANNING, params, request, response, model, redirect, "Removed the initiative.",
                () -> sessions.removeInitiative(productId, sessionId, version(params), initiativeId));
    }

    // ---- the brief --------------------------------------------------------------------------------

    @GetMapping("/products/{productId}/strategy/sessions/{sessionId}/brief")
    String briefPage(@PathVariable long productId, @PathVariable long sessionId, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        var loaded = sessions.get(productId, sessionId);
        model.addAttribute("shell", shells.product(request, product, "Brief · " + loaded.session().title(), "strategy"));
        model.addAttribute("base", "/products/" + productId + "/strategy/sessions/" + sessionId);
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
     * Runs a change. On success a plain form post redirects (post/redirect/get) and an htmx post gets
     * the page content back with the outcome. A refused change re-renders the page with the message
     * beside the field (or at the top), the person's input kept, and nothing written.
     */
    private String act(long productId, long sessionId, Phase phase, Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect, String done,
            Supplier<StrategySessions.Loaded> change) {
        boolean htmx = Pages.wantsFragment(request);
        try {
            var loaded = change.get();
            if (htmx) {
                return render(productId, sessionId, phase, request, model, Map.of(), FormErrors.none(), done, loaded);
            }
            redirect.addFlashAttribute(ShellFactory.FLASH, done);
            return "redirect:/products/" + productId + "/strategy/sessions/" + sessionId + (phase == null ? "" : "/" + phase.slug());
        } catch (InvalidInputException e) {
            response.setStatus(htmx ? 200 : 422);
            return render(productId, sessionId, phase, request, model, params, FormErrors.of(e.fieldErrors()), null);
        } catch (ConflictException | ForbiddenException e) {
            response.setStatus(htmx ? 200 : e instanceof ConflictException ? 409 : 403);
            Map<String, String> kept = new HashMap<>(params);
            kept.remove("version"); // the page shows what is there now, with its current version
            kept.remove("marketVersion");
            return render(productId, sessionId, phase, request, model, kept, FormErrors.global(e.getMessage()), null);
        }
    }

    private String render(long productId, long sessionId, Phase phase, HttpServletRequest request, Model model, Map<String, String> form,
            FormErrors errors, String notice) {
        return render(productId, sessionId, phase, request, model, form, errors, notice, null);
    }

    private String render(long productId, long sessionId, Phase phase, HttpServletRequest request, Model model, Map<String, String> form,
            FormErrors errors, String notice, StrategySessions.Loaded loaded) {
        var product = access.product(productId, Permission.READ);
        var current = loaded != null ? loaded : sessions.get(productId, sessionId);
        String title = (phase == null ? "" : phase.label() + " · ") + current.session().title();
        var context = new PageContext(shells.product(request, product, title, "strategy"), productId, current.session(), current.market(),
                Callers.current().id(), product.can(Permission.EDIT), sessions.today(), errors, form, notice,
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

    private static Integer version(Map<String, String> params) {
        String v = params.get("version");
        if (v == null || v.isBlank()) {
            return null;
        }
        return parseInt(v, "version");
    }

    private static int intParam(Map<String, String> params, String name) {
        return parseInt(params.get(name), name);
    }

    private static long longParam(Map<String, String> params, String name) {
        return parseLong(params.get(name), name);
    }

    private static int parseInt(String raw, String field) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    private static long parseLong(String raw, String field) {
        try {
            return Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "choose one from the list");
        }
    }

    private static LocalDate date(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (YYYY-MM-DD)");
        }
    }

    /** A phase chosen in a form (not in the path): a missing or unknown one is bad input, not a missing page. */
    private static Phase phaseParam(String slug) {
        Phase p = slug == null ? null : Phase.fromSlug(slug);
        if (p == null) {
            throw new app.truenorth.platform.InvalidInputException("phase", "Choose one of the five phases.");
        }
        return p;
    }

    private static ProblemStatement statement(Map<String, String> params) {
        String interviews = params.getOrDefault("interviewCount", "");
        int count = interviews.isBlank() ? 0 : parseInt(interviews, "interviewCount");
        return new ProblemStatement(null, params.get("persona"), params.get("outcome"), params.get("barrier"), params.get("rootCause"),
                params.get("emotion"), count, params.get("dataSource"), params.containsKey("validated"));
    }
}
