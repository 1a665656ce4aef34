package app.truenorth.workspace;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ProductApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Products products;

    @Test
    void createsReadsAndRenamesWithVersionChecks() throws Exception {
        var owner = fixtures.owner();
        String token = Fixtures.bearer(fixtures.token(owner));

        String location = mvc.perform(post("/api/v1/products").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Atlas\",\"description\":\"Fleet tracking\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Atlas"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getHeader("Location");

        String etag = mvc.perform(get(location).header("Authorization", token))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");

        mvc.perform(put(location).header("Authorization", token).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Atlas Pro\",\"description\":\"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Atlas Pro"))
                .andExpect(jsonPath("$.version").value(1));

        // the same ETag again is stale now: 412, and nothing changes
        mvc.perform(put(location).header("Authorization", token).header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Overwritten\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        // a stale version field: 409
        mvc.perform(put(location).header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Overwritten\",\"version\":0}"))
                .andExpect(status().isConflict());

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(products.get(id).name()).isEqualTo("Atlas Pro");

        mvc.perform(get("/api/v1/products").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("Atlas Pro")));
    }

    @Test
    void updateWithoutAnyVersionIsRefused() throws Exception {
        var owner = fixtures.owner();
        var product = fixtures.product(owner, "Beacon");
        mvc.perform(put("/api/v1/products/" + product.id()).header("Authorization", Fixtures.bearer(fixtures.token(owner)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(products.get(product.id()).name()).isEqualTo(product.name());
    }
}
