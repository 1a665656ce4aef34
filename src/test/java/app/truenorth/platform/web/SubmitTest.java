package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The submit helper on a small form of its own (no feature module, no database): success redirects with a
 * confirmation, refused input comes back with 422 and its messages beside the fields, a stale version
 * with 409 and what is saved now, and htmx gets its answers in a form it swaps.
 */
class SubmitTest {

    /** A thing with a name and a version, kept in memory, changed the way the modules' services change theirs. */
    record Thing(String name, int weeks, int version) {
    }

    static final class Things {

        Thing current = new Thing("Atlas", 4, 3);

        Thing update(String name, int weeks, int version) {
            if (name.equals("Forbidden name")) {
                throw new InvalidInputException("name", "That name is taken.");
            }
            if (name.equals("Locked")) {
                throw new ForbiddenException("Only the owner can lock it.");
            }
            if (version != current.version()) {
                throw ConflictException.staleVersion("The thing");
            }
            current = new Thing(name, weeks, version + 1);
            return current;
        }
    }

    @Controller
    static class ThingPage {

        final Things things;

        ThingPage(Things things) {
            this.things = things;
        }

        @PostMapping("/things/{id}")
        ModelAndView save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                Model model) {
            FormBinder form = FormBinder.of(params);
            String name = form.field("name").required("Give it a name.").text();
            Integer weeks = form.field("weeks").required().whole();
            Integer version = form.version();
            return Submit.of(request, () -> things.update(name, weeks, version))
                    .refusedBy(form)
                    .redirect(t -> "/things/" + id, t -> "Saved " + t.name() + ".")
                    .inPlaceForHtmx(t -> {
                        model.addAttribute("notice", "Saved " + t.name() + ".");
                        return "thing";
                    })
                    .onConflict(errors -> {
                        model.addAttribute("current", things.current);
                        model.addAttribute("errors", errors);
                        return "thing";
                    })
                    .orRender(errors -> {
                        model.addAttribute("form", form.values());
                        model.addAttribute("errors", errors);
                        return "thing";
                    });
        }

        @PostMapping("/things/{id}/quiet")
        ModelAndView quiet(@PathVariable long id, @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
            return Submit.of(request, () -> {
                        things.update(params.get("name"), things.current.weeks(), things.current.version());
                    })
                    .redirect("/things/" + id, "Renamed.")
                    .orRender(errors -> "thing");
        }
    }

    Things things;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        things = new Things();
        mvc = MockMvcBuilders.standaloneSetup(new ThingPage(things)).build();
    }

    @Test
    void successRedirectsWithAConfirmation() throws Exception {
        mvc.perform(post("/things/7").param("name", "Atlas Pro").param("weeks", "6").param("version", "3"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/things/7"))
                .andExpect(flash().attribute(Pages.FLASH, "Saved Atlas Pro."));
        assertThat(things.current).isEqualTo(new Thing("Atlas Pro", 6, 4));
        mvc.perform(post("/things/7/quiet").param("name", "Atlas Go"))
                .andExpect(redirectedUrl("/things/7")).andExpect(flash().attribute(Pages.FLASH, "Renamed."));
    }

    @Test
    void unreadableInputIsRefusedWith422BesideTheFieldsAndNothingChanges() throws Exception {
        MvcResult result = mvc.perform(post("/things/7").param("name", "").param("weeks", "six").param("version", "3"))
                .andExpect(status().is(422))
                .andExpect(view().name("thing"))
                .andReturn();
        FormErrors errors = (FormErrors) result.getModelAndView().getModel().get("errors");
        assertThat(errors.get("name")).isEqualTo("Give it a name.");
        assertThat(errors.get("weeks")).isEqualTo("must be a whole number");
        assertThat(errors.global()).isNull();
        assertThat(things.current).isEqualTo(new Thing("Atlas", 4, 3));
    }

    @Test
    void aDomainRefusalIs422BesideItsField() throws Exception {
        MvcResult result = mvc.perform(post("/things/7").param("name", "Forbidden name").param("weeks", "6").param("version", "3"))
                .andExpect(status().is(422)).andReturn();
        assertThat(((FormErrors) result.getModelAndView().getModel().get("errors")).get("name")).isEqualTo("That name is taken.");
        assertThat(things.current.version()).isEqualTo(3);
    }

    @Test
    void aStaleVersionIs409WithWhatIsSavedNow() throws Exception {
        MvcResult result = mvc.perform(post("/things/7").param("name", "Mine").param("weeks", "6").param("version", "2"))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("current", new Thing("Atlas", 4, 3)))
                .andReturn();
        assertThat(((FormErrors) result.getModelAndView().getModel().get("errors")).global())
                .contains("was changed by someone else since you loaded it");
        assertThat(things.current.name()).isEqualTo("Atlas");
    }

    @Test
    void aMissingVersionIsRefusedAtTheTopOfTheForm() throws Exception {
        MvcResult result = mvc.perform(post("/things/7").param("name", "Mine").param("weeks", "6"))
                .andExpect(status().is(422)).andReturn();
        assertThat(((FormErrors) result.getModelAndView().getModel().get("errors")).global()).isEqualTo(FormBinder.MISSING_VERSION);
        assertThat(things.current.name()).isEqualTo("Atlas");
    }

    @Test
    void aChangeTheCallerMayNotMakeIs403OnTheSamePage() throws Exception {
        mvc.perform(post("/things/7").param("name", "Locked").param("weeks", "6").param("version", "3"))
                .andExpect(status().isForbidden())
                .andExpect(model().attributeExists("current"));
    }

    @Test
    void htmxSwapsTheContentInPlaceAndGetsRefusalsItCanSwap() throws Exception {
        mvc.perform(post("/things/7").header("HX-Request", "true").param("name", "Swapped").param("weeks", "6").param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("notice", "Saved Swapped."));
        // htmx swaps only successful answers: a refusal comes as 200 with the messages in the content
        MvcResult refused = mvc.perform(post("/things/7").header("HX-Request", "true").param("name", "").param("weeks", "6")
                        .param("version", "4"))
                .andExpect(status().isOk()).andReturn();
        assertThat(((FormErrors) refused.getModelAndView().getModel().get("errors")).get("name")).isEqualTo("Give it a name.");
        mvc.perform(post("/things/7").header("HX-Request", "true").param("name", "Late").param("weeks", "6").param("version", "3"))
                .andExpect(status().isOk()).andExpect(model().attributeExists("current"));
    }

    @Test
    void htmxWithoutAnInPlacePageFollowsTheRedirectWithHxRedirect() throws Exception {
        mvc.perform(post("/things/7/quiet").header("HX-Request", "true").param("name", "Atlas Go"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/things/7"))
                .andExpect(flash().attribute(Pages.FLASH, "Renamed."));
    }
}
