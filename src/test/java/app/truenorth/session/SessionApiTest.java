package app.truenorth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The session API end to end, on whichever database the suite runs (H2 or PostgreSQL). */
@IntegrationTest
@RecordApplicationEvents
class SessionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    StrategyArtifacts artifacts;

    Fixtures.Person owner;
    Fixtures.Person ana;
    Fixtures.Person ben;
    Fixtures.Person viewer;
    String ownerToken;
    String anaToken;
    String benToken;
    String viewerToken;
    long productId;
    String base;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        ana = fixtures.member(owner, Role.EDITOR);
        ben = fixtures.member(owner, Role.VIEWER); // approvers need not be editors, only members
        viewer = fixtures.member(owner, Role.VIEWER);
        ownerToken = Fixtures.bearer(fixtures.token(owner));
        anaToken = Fixtures.bearer(fixtures.token(ana));
        benToken = Fixtures.bearer(fixtures.token(ben));
        viewerToken = Fixtures.bearer(fixtures.token(viewer));
        productId = fixtures.product(owner, "Atlas").id();
        base = "/api/v1/products/" + productId + "/sessions";
    }

    ResultActions call(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        request.header("Authorization", token);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    long start() throws Exception {
        String body = call(post(base), ownerToken, "{\"title\":\"Strategy 2026\",\"startDate\":\"2026-03-02\",\"currency\":\"EUR\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phases[0].status").value("OPEN"))
                .andExpect(jsonPath("$.phases[1].status").value("LOCKED"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        for (String phase : List.of("positioning", "problem-framing", "problem-statements", "market-sizing", "roadmap-planning")) {
            call(put(base + "/" + id + "/phases/" + phase + "/approvers"), ownerToken,
                    "{\"userIds\":[" + ana.userId() + "," + ben.userId() + "],\"version\":" + version(id) + "}")
                    .andExpect(status().isOk());
        }
        return id;
    }

    int version(long sessionId) throws Exception {
        String body = call(get(base + "/" + sessionId), ownerToken, null).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    /**
     * The session's current ETag: every write names the version it read, actions such as a sign-off too
     * (without any version the API answers 428).
     */
    String etag(long sessionId) throws Exception {
        return call(get(base + "/" + sessionId), ownerToken, null).andReturn().getResponse().getHeader("ETag");
    }

    int marketVersion(long sessionId) throws Exception {
        String body = call(get(base + "/" + sessionId + "/market"), ownerToken, null).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    void positioning(long id) throws Exception {
        call(put(base + "/" + id + "/positioning"), ownerToken, """
                {"targetCustomer":"fleet managers","need":"need to see every van","productName":"Atlas","category":"fleet platform",
                 "keyBenefit":"cuts idle time","alternative":"spreadsheets",
                 "differentiators":[{"text":"any telematics box"},{"text":"live in a day"}],"version":%d}"""
                .formatted(version(id))).andExpect(status().isOk());
        call(put(base + "/" + id + "/phases/positioning/synthesis"), ownerToken,
                "{\"note\":\"Dispatchers feel it most\",\"version\":" + version(id) + "}").andExpect(status().isOk());
    }

    long signOffs(long id, String phase) {
        return jdbc.sql("select count(*) from session_sign_off where session_id = :id and phase = :phase")
                .param("id", id).param("phase", phase).query(Long.class).single();
    }

    @Test
    void approversSignOffInOrderAndTheNextPhaseOpens() throws Exception {
        long id = start();
        positioning(id);
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), anaToken, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phases[0].status").value("AWAITING_SIGN_OFF"))
                .andExpect(jsonPath("$.phases[0].signOffs[0].name").value(ana.displayName()));
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), benToken, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phases[0].status").value("SIGNED_OFF"))
                .andExpect(jsonPath("$.phases[1].status").value("OPEN"))
                .andExpect(jsonPath("$.positioning.statement").value(containsString("Unlike spreadsheets, Atlas any telematics box and live in a day.")))
                .andExpect(jsonPath("$.history[*].kind", hasItem("PHASE_SIGNED_OFF")));
        assertThat(signOffs(id, "POSITIONING")).isEqualTo(2);
        long audits = jdbc.sql("select count(*) from audit_event where entity_type = 'strategy_session' and entity_id = :id and action = 'signed-off'")
                .param("id", String.valueOf(id)).query(Long.class).single();
        assertThat(audits).isEqualTo(2);
    }

    @Test
    void signingOffOutOfOrderIsAClearErrorAndWritesNothing() throws Exception {
        long id = start();
        int before = version(id);
        call(post(base + "/" + id + "/phases/market-sizing/sign-off").header("If-Match", etag(id)), anaToken, null)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Positioning must be signed off")));
        assertThat(version(id)).isEqualTo(before);
        assertThat(signOffs(id, "MARKET_SIZING")).isZero();
    }

    @Test
    void signingOffAsANonApproverIsForbiddenAndWritesNothing() throws Exception {
        long id = start();
        positioning(id);
        int before = version(id);
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), viewerToken, null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Only the named approvers of Positioning")));
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), ownerToken, null).andExpect(status().isForbidden());
        assertThat(version(id)).isEqualTo(before);
        assertThat(signOffs(id, "POSITIONING")).isZero();
    }

    @Test
    void anApproverMustBeAMemberOfTheWorkspace() throws Exception {
        long id = start();
        var stranger = fixtures.owner();
        call(put(base + "/" + id + "/phases/positioning/approvers"), ownerToken,
                "{\"userIds\":[" + stranger.userId() + "],\"version\":" + version(id) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("approvers[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a member of this workspace"));
    }

    @Test
    void viewersReadButDoNotEditAndOtherWorkspacesSeeNothing() throws Exception {
        long id = start();
        call(get(base + "/" + id), viewerToken, null).andExpect(status().isOk());
        call(put(base + "/" + id + "/problem-framing"), viewerToken, "{\"problem\":\"x\",\"version\":" + version(id) + "}")
                .andExpect(status().isForbidden());
        var outsider = fixtures.owner();
        call(get(base + "/" + id), Fixtures.bearer(fixtures.token(outsider)), null).andExpect(status().isNotFound());
        // a session id under another product of the same workspace is not found either
        long other = fixtures.product(owner, "Beacon").id();
        call(get("/api/v1/products/" + other + "/sessions/" + id), ownerToken, null).andExpect(status().isNotFound());
    }

    @Test
    void staleVersionsAreRefused() throws Exception {
        long id = start();
        int v = version(id);
        String etag = "\"" + id + "-" + v + "\"";
        call(put(base + "/" + id + "/phases/positioning/synthesis"), ownerToken, "{\"note\":\"first\",\"version\":" + v + "}")
                .andExpect(status().isOk());
        call(put(base + "/" + id + "/phases/positioning/synthesis"), ownerToken, "{\"note\":\"second\",\"version\":" + v + "}")
                .andExpect(status().isConflict());
        call(put(base + "/" + id + "/phases/positioning/synthesis").header("If-Match", etag), ownerToken, "{\"note\":\"third\"}")
                .andExpect(status().isPreconditionFailed());
        call(put(base + "/" + id + "/phases/positioning/synthesis"), ownerToken, "{\"note\":\"no version\"}")
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        call(get(base + "/" + id), ownerToken, null).andExpect(jsonPath("$.phases[0].synthesis").value("first"));
    }

    @Test
    void oneActiveSessionPerProduct() throws Exception {
        start();
        call(post(base), ownerToken, "{\"title\":\"Another\",\"startDate\":\"2026-04-01\"}")
                .andExpect(status().isConflict());
        call(post(base), ownerToken, "{\"title\":\"\",\"startDate\":null}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startDate")));
    }

    /** Walks a session through the first three phases by API. */
    void throughProblemStatements(long id) throws Exception {
        positioning(id);
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), anaToken, null).andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/positioning/sign-off").header("If-Match", etag(id)), benToken, null).andExpect(status().isOk());
        call(put(base + "/" + id + "/problem-framing"), ownerToken, """
                {"problem":"Dispatchers cannot see vans","whoHasIt":"Dispatchers","reframedStatement":"How might we show every van live?",
                 "version":%d}""".formatted(version(id))).andExpect(status().isOk());
        call(put(base + "/" + id + "/phases/problem-framing/synthesis"), ownerToken, "{\"note\":\"n\",\"version\":" + version(id) + "}")
                .andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/problem-framing/sign-off").header("If-Match", etag(id)), anaToken, null).andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/problem-framing/sign-off").header("If-Match", etag(id)), benToken, null).andExpect(status().isOk());
        for (String persona : List.of("a dispatcher", "a fleet owner", "a driver")) {
            call(post(base + "/" + id + "/problem-statements"), ownerToken, """
                    {"persona":"%s","outcome":"plan routes","barrier":"no live data","rootCause":"three systems","emotion":"anxious",
                     "interviewCount":5,"dataSource":"tickets","validated":true,"version":%d}""".formatted(persona, version(id)))
                    .andExpect(status().isOk());
        }
        call(put(base + "/" + id + "/phases/problem-statements/synthesis"), ownerToken, "{\"note\":\"n\",\"version\":" + version(id) + "}")
                .andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/problem-statements/sign-off").header("If-Match", etag(id)), anaToken, null).andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/problem-statements/sign-off").header("If-Match", etag(id)), benToken, null)
                .andExpect(jsonPath("$.phases[3].status").value("OPEN"));
    }

    static final String MARKET = """
            {"version":%d,"model":{"currency":"EUR","horizonYears":3,
              "topDown":{"marketFigure":{"value":%s,"source":"Industry report 2025","url":"https://example.com/r"},
                         "segmentShare":{"value":"15","source":"Registry of fleets"},
                         "reachableShare":{"value":"40","source":"Sales coverage"},
                         "achievableShare":{"value":"5","source":"Comparable vendors"}},
              "segments":[{"name":"Mid-size fleets","customers":{"value":"12000","source":"Registry"},
                           "annualContractValue":{"value":"18000","source":"Pricing page"},
                           "reachableShare":{"value":"50","source":"Coverage"},"achievableShare":{"value":"10","source":"Win rate"}}],
              "scenarios":{"bear":"0.6","base":"1","bull":"1.4"},
              "somThreshold":{"value":"5000000","source":"Board target"}}}""";

    @Test
    void negativeOrNonNumericMarketInputsAreFieldErrorsAndWriteNothing() throws Exception {
        long id = start();
        throughProblemStatements(id);
        int mv = marketVersion(id);
        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(mv, "\"-2000000000\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topDown.marketFigure"))
                .andExpect(jsonPath("$.errors[0].message").value("must be zero or more"));
        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(mv, "\"two billion\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topDown.marketFigure"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must be a number")));
        assertThat(marketVersion(id)).isEqualTo(mv);
        long inputs = jdbc.sql("select count(*) from market_input i join market_sizing s on s.id = i.sizing_id "
                        + "where s.session_id = :id and i.field like 'topDown%'").param("id", id).query(Long.class).single();
        assertThat(inputs).isZero();

        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(mv, "2000000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.topDown.som").value(6000000))
                .andExpect(jsonPath("$.bottomUp.som").value(10800000))
                .andExpect(jsonPath("$.reconciliation.warning").value(true))
                .andExpect(jsonPath("$.topDown.steps[0].formula").value("€2,000,000,000 × 15\u00a0%"))
                .andExpect(jsonPath("$.gateCheck.meetsThreshold").value(true));
        // the stored model reads back exactly
        call(get(base + "/" + id + "/market"), viewerToken, null)
                .andExpect(jsonPath("$.inputs.topDown.marketFigure.value").value("2000000000"))
                .andExpect(jsonPath("$.inputs.topDown.marketFigure.url").value("https://example.com/r"));
        // a stale market version is refused
        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(mv, "1")).andExpect(status().isConflict());
    }

    @Test
    void marketInputsAreLockedUntilTheirPhaseOpens() throws Exception {
        long id = start();
        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(marketVersion(id), "2000000000"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Market sizing is locked")));
    }

    @Test
    void goThenRoadmapSignOffHandsTheInitiativesOff() throws Exception {
        long id = start();
        throughProblemStatements(id);
        call(put(base + "/" + id + "/market"), ownerToken, MARKET.formatted(marketVersion(id), "2000000000")).andExpect(status().isOk());
        call(post(base + "/" + id + "/market/gate").header("If-Match", etag(id)), ownerToken, "{\"decision\":\"GO\",\"rationale\":\"SOM clears the bar\"}")
                .andExpect(status().isOk());
        call(put(base + "/" + id + "/phases/market-sizing/synthesis"), ownerToken, "{\"note\":\"n\",\"version\":" + version(id) + "}")
                .andExpect(status().isOk());
        call(post(base + "/" + id + "/phases/market-sizing/sign-off").header("If-Match", etag(id)), anaToken, null).andExpect(status().isOk());
        String body = call(post(base + "/" + id + "/phases/market-sizing/sign-off").header("If-Match", etag(id)), benToken, null)
                .andExpect(jsonPath("$.phases[4].status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        long differentiatorId = ((Number) JsonPath.read(body, "$.positioning.differentiators[0].id")).longValue();
        // the roadmap cannot plan what has no horizon or estimate
        call(post(base + "/" + id + "/initiatives"), ownerToken, """
                {"title":"Universal box adapter","effortLow":6,"effortHigh":4,"targetQuarter":"next spring","version":%d}"""
                .formatted(version(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'horizon')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'effortHigh')].message", hasItem("must be at least the low estimate (6)")))
                .andExpect(jsonPath("$.errors[?(@.field == 'targetQuarter')]").exists());
        call(post(base + "/" + id + "/initiatives"), ownerToken, """
                {"title":"Universal box adapter","horizon":"NOW","version":%d}""".formatted(version(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'effortLow')]").exists());
        call(post(base + "/" + id + "/initiatives"), ownerToken, """
                {"title":"Universal box adapter","linkKind":"DIFFERENTIATOR","linkId":%d,"horizon":"NOW","effortLow":4,
                 "effortHigh":6,"targetQuarter":"2027q1","version":%d}"""
                .formatted(differentiatorId, version(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[0].linkLabel").value("any telematics box"))
                .andExpect(jsonPath("$.initiatives[0].horizon").value("NOW"))
                .andExpect(jsonPath("$.initiatives[0].targetQuarter").value("2027-Q1"));
        call(post(base + "/" + id + "/initiatives"), ownerToken,
                "{\"title\":\"Dark mode\",\"horizon\":\"LATER\",\"effortLow\":1,\"effortHigh\":1,\"version\":" + version(id) + "}")
                .andExpect(jsonPath("$.initiatives[1].orphaned").value(true));
        call(post(base + "/" + id + "/phases/roadmap-planning/sign-off").header("If-Match", etag(id)), anaToken, null).andExpect(status().isOk());
        assertThat(events.stream(RoadmapHandedOff.class)).isEmpty();
        call(post(base + "/" + id + "/phases/roadmap-planning/sign-off").header("If-Match", etag(id)), benToken, null)
                .andExpect(jsonPath("$.state").value("COMPLETED"));
        assertThat(events.stream(RoadmapHandedOff.class)).singleElement().satisfies(e -> {
            assertThat(e.sessionId()).isEqualTo(id);
            assertThat(e.productId()).isEqualTo(productId);
            assertThat(e.initiatives()).extracting(RoadmapHandedOff.DraftInitiative::linkLabel)
                    .containsExactly("any telematics box", null);
            assertThat(e.initiatives().getFirst().horizon()).isEqualTo(PlanningHorizon.NOW);
            assertThat(e.initiatives().getFirst().effortLow()).isEqualByComparingTo("4");
            assertThat(e.initiatives().getFirst().effortHigh()).isEqualByComparingTo("6");
            assertThat(e.initiatives().getFirst().targetQuarter()).isEqualTo("2027-Q1");
        });
        // the roadmap looks up each initiative's chain by id, within the product's workspace only
        assertThat(artifacts.differentiator(owner.workspaceId(), productId, differentiatorId))
                .hasValueSatisfying(d -> assertThat(d.text()).isEqualTo("any telematics box"));
        assertThat(artifacts.differentiator(owner.workspaceId() + 1000, productId, differentiatorId)).isEmpty();
        assertThat(artifacts.problemStatements(owner.workspaceId(), productId)).hasSize(3)
                .allSatisfy(p -> assertThat(p.validated()).isTrue());
        long statementId = artifacts.problemStatements(owner.workspaceId(), productId).get(0).id();
        assertThat(artifacts.problemStatement(owner.workspaceId(), productId, statementId)).get()
                .extracting(StrategyArtifacts.ProblemStatementRef::sentence).asString().startsWith("I am a dispatcher");
        // the session is history now: a new one may start
        call(post(base), ownerToken, "{\"title\":\"Strategy 2027\",\"startDate\":\"2027-01-04\"}").andExpect(status().isCreated());
        call(get(base), viewerToken, null).andExpect(jsonPath("$.length()").value(2));
        // and the brief exports
        call(get(base + "/" + id + "/brief.md"), viewerToken, null)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("## 4. Market sizing")))
                .andExpect(content().string(containsString("Universal box adapter")));
        byte[] pdf = call(get(base + "/" + id + "/brief.pdf"), viewerToken, null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Strategy 2026").contains("Universal box adapter").contains("Go/no-go gate");
        }
    }

    @Test
    void noGoClosesTheSession() throws Exception {
        long id = start();
        throughProblemStatements(id);
        call(post(base + "/" + id + "/market/gate").header("If-Match", etag(id)), ownerToken, "{\"decision\":\"GO\",\"rationale\":\"yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        call(post(base + "/" + id + "/market/gate").header("If-Match", etag(id)), ownerToken, "{\"decision\":\"MAYBE\",\"rationale\":\"?\"}")
                .andExpect(status().isBadRequest());
        call(post(base + "/" + id + "/market/gate").header("If-Match", etag(id)), ownerToken, "{\"decision\":\"NO_GO\",\"rationale\":\"Too small a market\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED_NO_GO"))
                .andExpect(jsonPath("$.outcome").value("Too small a market"));
        call(put(base + "/" + id + "/phases/market-sizing/synthesis"), ownerToken, "{\"note\":\"n\",\"version\":" + version(id) + "}")
                .andExpect(status().isConflict());
    }

    @Test
    void changeRequestAndReopenFlagLaterPhases() throws Exception {
        long id = start();
        positioning(id);
        call(post(base + "/" + id + "/phases/positioning/request-changes").header("If-Match", etag(id)), benToken, "{\"comment\":\"Quantify the benefit\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phases[0].changeRequests[0].comment").value("Quantify the benefit"));
        call(post(base + "/" + id + "/phases/positioning/request-changes").header("If-Match", etag(id)), viewerToken, "{\"comment\":\"x\"}")
                .andExpect(status().isForbidden());
        throughProblemStatementsAfterChangeRequest(id);
        call(post(base + "/" + id + "/phases/positioning/reopen").header("If-Match", etag(id)), ownerToken, "{\"reason\":\"A new competitor\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phases[0].status").value("OPEN"))
                .andExpect(jsonPath("$.phases[1].status").value("NEEDS_REVIEW"))
                .andExpect(jsonPath("$.phases[2].status").value("NEEDS_REVIEW"));
    }

    private void throughProblemStatementsAfterChangeRequest(long id) throws Exception {
        // editing addresses the change request, then the walk continues as usual
        throughProblemStatements(id);
    }
}
