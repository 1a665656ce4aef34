package app.truenorth.roadmap.domain;

import java.time.LocalDate;
import java.util.List;

/** A small builder so each test states only what matters to it. */
final class TestInitiatives {

    private long id;
    private String title;
    private Horizon horizon = Horizon.NOW;
    private Stage stage = Stage.IDEA;
    private EffortRange effort = EffortRange.of("2", "4");
    private int confidence = 80;
    private Quarter quarter;
    private LocalDate start;
    private LocalDate end;
    private Long theme;
    private List<Long> objectives = List.of();
    private StrategicLink link;
    private ScoreInputs scores = ScoreInputs.NONE;
    private String description = "";

    static TestInitiatives initiative(long id, String title) {
        TestInitiatives b = new TestInitiatives();
        b.id = id;
        b.title = title;
        return b;
    }

    TestInitiatives in(Horizon horizon) {
        this.horizon = horizon;
        return this;
    }

    TestInitiatives stage(Stage stage) {
        this.stage = stage;
        return this;
    }

    TestInitiatives effort(String low, String high) {
        this.effort = EffortRange.of(low, high);
        return this;
    }

    TestInitiatives confidence(int confidence) {
        this.confidence = confidence;
        return this;
    }

    TestInitiatives quarter(String quarter) {
        this.quarter = Quarter.parse(quarter).orElseThrow();
        return this;
    }

    TestInitiatives dates(String start, String end) {
        this.start = LocalDate.parse(start);
        this.end = LocalDate.parse(end);
        return this;
    }

    TestInitiatives theme(long theme) {
        this.theme = theme;
        return this;
    }

    TestInitiatives objectives(Long... ids) {
        this.objectives = List.of(ids);
        return this;
    }

    TestInitiatives link(StrategicLink link) {
        this.link = link;
        return this;
    }

    TestInitiatives scores(ScoreInputs scores) {
        this.scores = scores;
        return this;
    }

    TestInitiatives description(String description) {
        this.description = description;
        return this;
    }

    Initiative build() {
        return new Initiative(id, title, description, theme, objectives, horizon, stage, "Core", effort, confidence, quarter,
                start, end, Visibility.INTERNAL, link, scores);
    }
}
