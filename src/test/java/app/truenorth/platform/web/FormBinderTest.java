package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The form binder: text in, typed values out, and every unreadable value a problem of its field. */
class FormBinderTest {

    enum Colour { RED, GREEN }

    record Posted(String weeks, String start, List<String> colours, Integer version) {
    }

    @Test
    void readsEveryKindOfValue() {
        FormBinder form = FormBinder.of(Map.of("weeks", " 6 ", "id", "42", "effort", "2,5", "start", "2026-03-02",
                "quarter", "2026 q3", "colour", "green", "agree", "on", "version", "3", "title", "Atlas"));
        assertThat(form.field("weeks").whole()).isEqualTo(6);
        assertThat(form.field("id").id()).isEqualTo(42L);
        assertThat(form.field("effort").decimal()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(form.field("start").date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(form.field("quarter").quarter()).isEqualTo("2026-Q3");
        assertThat(form.field("colour").choice(Colour.class)).isEqualTo(Colour.GREEN);
        assertThat(form.ticked("agree")).isTrue();
        assertThat(form.ticked("missing")).isFalse();
        assertThat(form.version()).isEqualTo(3);
        assertThat(form.field("title").required().text()).isEqualTo("Atlas");
        assertThat(form.valid()).isTrue();
        form.check(); // nothing to refuse
    }

    @Test
    void blankIsMissingAndOnlyRequiredFieldsComplain() {
        FormBinder form = FormBinder.of(Map.of("weeks", "  ", "start", ""));
        assertThat(form.field("weeks").whole()).isNull();
        assertThat(form.field("start").date()).isNull();
        assertThat(form.valid()).isTrue();
        assertThat(form.field("weeks").required("is required (weeks)").whole()).isNull();
        assertThat(form.problems().asMap()).containsExactly(Map.entry("weeks", "is required (weeks)"));
    }

    @Test
    void everyUnreadableValueIsAProblemOfItsFieldAndTheFormIsRefusedWithAllOfThem() {
        FormBinder form = FormBinder.of(Map.of("weeks", "six", "id", "x", "effort", "lots", "start", "2026-02-30",
                "quarter", "Q5", "colour", "BLUE", "big", "99999999999"));
        assertThat(form.field("weeks").whole()).isNull();
        assertThat(form.field("id").id()).isNull();
        assertThat(form.field("effort").decimal("must be a number of person-weeks")).isNull();
        assertThat(form.field("start").date()).isNull();
        assertThat(form.field("quarter").quarter()).isNull();
        assertThat(form.field("colour").choice(Colour.class)).isNull();
        assertThat(form.field("big").whole()).isNull();
        assertThat(form.problems().asMap()).containsExactly(
                Map.entry("weeks", "must be a whole number"),
                Map.entry("id", "choose one from the list"),
                Map.entry("effort", "must be a number of person-weeks"),
                Map.entry("start", "must be a date (YYYY-MM-DD)"),
                Map.entry("quarter", "must look like 2026-Q3"),
                Map.entry("colour", "choose one of the offered options"),
                Map.entry("big", "must be a whole number"));
        assertThatThrownBy(form::check).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).hasSize(7).containsEntry("start", "must be a date (YYYY-MM-DD)"));
    }

    @Test
    void listsFromCheckBoxesAndMultiSelects() {
        var multi = new LinkedMultiValueMap<String, String>();
        multi.addAll("colours", List.of("RED", "green", "PINK"));
        multi.addAll("userIds", List.of("4", "", "five"));
        FormBinder form = FormBinder.of(multi);
        assertThat(form.field("colours").choices(Colour.class, "unknown colour")).containsExactly(Colour.RED, Colour.GREEN);
        assertThat(form.field("userIds").ids("choose people from the list")).containsExactly(4L);
        assertThat(form.problems().asMap()).containsOnlyKeys("colours", "userIds");
    }

    @Test
    void aRecordFormIsReadByItsComponents() {
        FormBinder form = FormBinder.of(new Posted("4", "not a date", List.of("RED"), 2));
        assertThat(form.field("weeks").whole()).isEqualTo(4);
        assertThat(form.field("start").date()).isNull();
        assertThat(form.field("colours").choices(Colour.class, "unknown")).containsExactly(Colour.RED);
        assertThat(form.version()).isEqualTo(2);
        assertThat(form.problems().asMap()).containsOnlyKeys("start");
    }

    @Test
    void aMissingVersionIsAProblemOfTheWholeForm() {
        FormBinder form = FormBinder.of(Map.of("title", "Atlas"));
        assertThat(form.version()).isNull();
        assertThat(form.problems().asMap()).containsEntry("version", FormBinder.MISSING_VERSION);
        // the hidden field has nowhere to show its message: it stands at the top of the form
        assertThat(FormErrors.of(form.problems()).global()).isEqualTo(FormBinder.MISSING_VERSION);
        assertThat(FormBinder.of(Map.of("version", "x")).optionalVersion()).isNull();
        assertThat(FormBinder.of(Map.of()).optionalVersion()).isNull();
    }

    @Test
    void valuesHandedOverDirectlyAreCheckedTheSameWay() {
        FormBinder form = FormBinder.empty();
        assertThat(form.field("baseline", "10,5").decimal()).isEqualByComparingTo("10.5");
        assertThat(form.field("due", "soon").date()).isNull();
        assertThat(form.problems().asMap()).containsOnlyKeys("due");
    }
}
