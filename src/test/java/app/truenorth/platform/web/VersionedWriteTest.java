package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.Versioned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versioned write of the API on a resource of its own: the current version as If-Match or as a body
 * field succeeds; a stale If-Match is 412, a stale body version 409, neither 428; a state that does not
 * allow the change stays 409 even under If-Match; nothing is written when refused.
 */
class VersionedWriteTest {

    record Body(String name, Integer version) {
    }

    record View(long id, String name, int version) {
    }

    @RestController
    static class Resource {

        String name = "Atlas";
        int version = 3;

        /** A change that checks its content before its version, as a domain record's constructor does. */
        @PutMapping("/api/v1/checked/{id}")
        ResponseEntity<View> checked(@PathVariable long id, @RequestBody Body body, VersionedWrite write) {
            View saved = write.checkedFirst("The thing", () -> version).run(id, body.version(), v -> {
                if (body.name() == null || body.name().isBlank()) {
                    throw new app.truenorth.platform.InvalidInputException("name", "must not be blank");
                }
                if (v != version) {
                    throw ConflictException.staleVersion("The thing");
                }
                name = body.name();
                version++;
                return new View(id, name, version);
            });
            return ResponseEntity.ok().eTag(Versioned.etag(id, saved.version())).body(saved);
        }

        @PutMapping("/api/v1/things/{id}")
        ResponseEntity<View> update(@PathVariable long id, @RequestBody Body body, VersionedWrite write) {
            View saved = write.run(id, body.version(), v -> {
                if ("locked".equals(body.name())) {
                    throw new ConflictException("The thing is locked.");
                }
                if (v != version) {
                    throw ConflictException.staleVersion("The thing");
                }
                name = body.name();
                version++;
                return new View(id, name, version);
            });
            return ResponseEntity.ok().eTag(Versioned.etag(id, saved.version())).body(saved);
        }
    }

    Resource resource;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        resource = new Resource();
        mvc = MockMvcBuilders.standaloneSetup(resource).setCustomArgumentResolvers(new VersionedWrites())
                .setControllerAdvice(new ApiExceptionHandler()).build();
    }

    private org.springframework.test.web.servlet.ResultActions send(String json, String ifMatch) throws Exception {
        var request = put("/api/v1/things/12").contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    @Test
    void theCurrentVersionAsIfMatchOrFieldIsWritten() throws Exception {
        send("{\"name\":\"Atlas Pro\"}", "\"12-3\"").andExpect(status().isOk()).andExpect(header().string("ETag", "\"12-4\""));
        send("{\"name\":\"Atlas Go\",\"version\":4}", null).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(5));
        assertThat(resource.name).isEqualTo("Atlas Go");
    }

    @Test
    void aStaleIfMatchIs412AndAStaleFieldIs409AndNothingIsWritten() throws Exception {
        send("{\"name\":\"Overwrite\"}", "\"12-2\"").andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Precondition failed"));
        // an ETag of something else never matches
        send("{\"name\":\"Overwrite\"}", "\"99-3\"").andExpect(status().isPreconditionFailed());
        // If-Match wins over the field
        send("{\"name\":\"Overwrite\",\"version\":3}", "\"12-2\"").andExpect(status().isPreconditionFailed());
        send("{\"name\":\"Overwrite\",\"version\":2}", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("changed by someone else")));
        assertThat(resource.name).isEqualTo("Atlas");
        assertThat(resource.version).isEqualTo(3);
    }

    @Test
    void neitherIfMatchNorVersionIs428SayingHowToSendIt() throws Exception {
        send("{\"name\":\"Overwrite\"}", null).andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Precondition required"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("If-Match"), org.hamcrest.Matchers.containsString("'version'"))))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        send("{\"name\":\"Overwrite\"}", " ").andExpect(status().isPreconditionRequired());
        assertThat(resource.name).isEqualTo("Atlas");
    }

    @Test
    void checkedFirstAnswersAStaleVersionBeforeTheContentIsChecked() throws Exception {
        var blank = "{\"name\":\"\"}";
        mvc.perform(put("/api/v1/checked/12").header("If-Match", "\"12-2\"").contentType(MediaType.APPLICATION_JSON).content(blank))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The thing was changed by someone else")));
        mvc.perform(put("/api/v1/checked/12").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"version\":2}"))
                .andExpect(status().isConflict());
        // the current version reaches the content check
        mvc.perform(put("/api/v1/checked/12").header("If-Match", "\"12-3\"").contentType(MediaType.APPLICATION_JSON).content(blank))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/checked/12").header("If-Match", "\"12-3\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Atlas Pro\"}")).andExpect(status().isOk());
        assertThat(resource.version).isEqualTo(4);
    }

    @Test
    void aStateThatRefusesTheChangeStays409UnderIfMatch() throws Exception {
        send("{\"name\":\"locked\"}", "\"12-3\"").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The thing is locked."));
    }
}
