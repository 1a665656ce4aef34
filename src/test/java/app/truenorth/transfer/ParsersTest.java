package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each format read from a realistic export, including the awkward parts real exports have. */
class ParsersTest {

    static final LocalDate TODAY = LocalDate.of(2025, 7, 20);

    static String fixture(String name) {
        try (InputStream in = ParsersTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jiraRowsKeepTheirStartingLineThroughMultiLineFieldsAndFindThemesThroughParents() {
        List<ParsedRow> rows = JiraCsv.parse(fixture("jira.csv"), TODAY);

        assertThat(rows).extracting(ParsedRow::line).containsExactly(2, 3, 7, 8, 9, 10);
        assertThat(rows).extracting(ParsedRow::status).containsExactly(ParsedRow.Status.SKIPPED, ParsedRow.Status.READY,
                ParsedRow.Status.READY, ParsedRow.Status.SKIPPED, ParsedRow.Status.READY, ParsedRow.Status.READY);

        ParsedRow wizard = rows.get(1);
        assertThat(wizard.title()).isEqualTo("Guided setup wizard, with templates");
        assertThat(wizard.theme()).isEqualTo("Self-serve onboarding"); // parent given by issue id
        assertThat(wizard.input().stage()).isEqualTo(Stage.BUILDING);
        assertThat(wizard.input().horizon()).isEqualTo(Horizon.NOW);
        assertThat(wizard.input().quarter()).isEqualTo("2025-Q3");
        assertThat(wizard.input().description()).startsWith("Imported from Jira ATL-2.").contains("Fix versions: 2.4, 2.5")
                .contains("Second line with \"quotes\", commas, and a blank line:\n\nThird paragraph.");
        assertThat(wizard.input().effortLow()).isEqualByComparingTo("2.08");
        assertThat(wizard.input().effortHigh()).isEqualByComparingTo("3.25");
        assertThat(wizard.input().confidence()).isEqualTo(50);

        ParsedRow sample = rows.get(2);
        assertThat(sample.theme()).as("grandparent initiative through an epic given by key").isEqualTo("Self-serve onboarding");
        assertThat(sample.input().horizon()).as("due this quarter").isEqualTo(Horizon.NOW);

        ParsedRow billing = rows.get(4);
        assertThat(billing.theme()).as("first label when no theme ancestor").isEqualTo("billing");
        assertThat(billing.input().horizon()).isEqualTo(Horizon.LATER);
        assertThat(billing.input().effortLow()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(billing.input().effortHigh()).isEqualByComparingTo("4");
        assertThat(billing.input().confidence()).isEqualTo(20);

        ParsedRow invoice = rows.get(5);
        assertThat(invoice.input().stage()).isEqualTo(Stage.DISCOVERY);
        assertThat(invoice.input().horizon()).as("due six quarters out").isEqualTo(Horizon.LATER);
    }

    @Test
    void jiraCellsThatCannotBeReadAreRejectedWithTheirColumn() {
        List<ParsedRow> rows = JiraCsv.parse(fixture("jira-bad-middle.csv"), TODAY);

        assertThat(rows.get(1).status()).isEqualTo(ParsedRow.Status.REJECTED);
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Due date");
            assertThat(p.message()).contains("31/Foo/25");
        });
        assertThat(rows.get(3).problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("Custom field (Story Points)"));
        assertThat(rows.get(2).status()).as("a blank title is the roadmap's rule to refuse").isEqualTo(ParsedRow.Status.READY);
    }

    @Test
    void jiraDatesInEverySpellingJiraWrites() {
        assertThat(Mapping.date("14/Jul/25 3:42 PM")).contains(LocalDate.of(2025, 7, 14));
        assertThat(Mapping.date("4/jan/26 11:05 am")).contains(LocalDate.of(2026, 1, 4));
        assertThat(Mapping.date("14/Jul/2025")).contains(LocalDate.of(2025, 7, 14));
        assertThat(Mapping.date("2025-07-14")).contains(LocalDate.of(2025, 7, 14));
        assertThat(Mapping.date("2025-07-14T10:20:30.000Z")).contains(LocalDate.of(2025, 7, 14));
        assertThat(Mapping.date("7/14/2025")).contains(LocalDate.of(2025, 7, 14));
        assertThat(Mapping.date("31/Foo/25")).isEmpty();
        assertThat(Mapping.date("30/Feb/25")).isEmpty();
    }

    @Test
    void aFileWithoutTheColumnsOfItsFormatIsRefusedAsAWhole() {
        assertThatThrownBy(() -> JiraCsv.parse(fixture("roadmunk.csv"), TODAY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Summary");
        assertThatThrownBy(() -> LinearCsv.parse("", TODAY)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void linearProjectsBecomeThemesAndCancelledIssuesAreSkipped() {
        List<ParsedRow> rows = LinearCsv.parse(fixture("linear.csv"), TODAY);

        assertThat(rows).extracting(ParsedRow::status).containsExactly(ParsedRow.Status.READY, ParsedRow.Status.READY,
                ParsedRow.Status.SKIPPED, ParsedRow.Status.READY);
        assertThat(rows.get(0).theme()).isEqualTo("Enterprise readiness");
        assertThat(rows.get(0).input().team()).isEqualTo("Platform");
        assertThat(rows.get(0).input().stage()).isEqualTo(Stage.BUILDING);
        assertThat(rows.get(0).input().quarter()).isEqualTo("2025-Q3");
        assertThat(rows.get(1).theme()).as("first of several labels in one cell").isEqualTo("compliance");
        assertThat(rows.get(3).input().horizon()).isEqualTo(Horizon.LATER);
    }

    @Test
    void roadmunkItemsAreDatedOrBucketedNeverBoth() {
        List<ParsedRow> good = RoadmunkCsv.parse(fixture("roadmunk.csv"), TODAY);
        assertThat(good).extracting(ParsedRow::status).containsOnly(ParsedRow.Status.READY);
        assertThat(good.get(0).input().startDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(good.get(0).input().horizon()).isEqualTo(Horizon.NOW);
        assertThat(good.get(1).input().horizon()).isEqualTo(Horizon.NEXT);
        assertThat(good.get(3).input().startDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(good.get(3).input().horizon()).isEqualTo(Horizon.LATER);

        List<ParsedRow> bad = RoadmunkCsv.parse(fixture("roadmunk-bad.csv"), TODAY);
        assertThat(bad.get(0).status()).isEqualTo(ParsedRow.Status.REJECTED);
        assertThat(bad.get(0).problems().getFirst().message()).contains("both a bucket");
        assertThat(bad.get(1).problems().getFirst().message()).contains("Someday");
        assertThat(bad.get(2).status()).as("half-dated: the roadmap's date rule refuses it").isEqualTo(ParsedRow.Status.READY);
        assertThat(bad.get(3).status()).isEqualTo(ParsedRow.Status.READY);
    }

    @Test
    void truenorthJsonRowsCarryTheLineTheirObjectStartsOn() {
        List<ParsedRow> rows = RoadmapJson.parse(fixture("roadmap.json"), JsonMapper.builder().build());

        assertThat(rows).extracting(ParsedRow::line).containsExactly(9, 22, 32);
        assertThat(rows.get(0).input().visibility().name()).isEqualTo("EXTERNAL");
        assertThat(rows.get(1).input().endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(rows.get(2).status()).isEqualTo(ParsedRow.Status.REJECTED);
        assertThat(rows.get(2).problems()).extracting(ParsedRow.Problem::field).containsExactly("horizon");
    }

    @Test
    void jsonOfAnotherVersionOrShapeIsRefusedAsAWhole() {
        JsonMapper json = JsonMapper.builder().build();
        assertThatThrownBy(() -> RoadmapJson.parse("{\"format\":\"truenorth-roadmap\",\"version\":2}", json))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> RoadmapJson.parse("[1,2", json)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RoadmapJson.parse("{\"items\":[]}", json)).hasMessageContaining("truenorth-roadmap");
    }
}
