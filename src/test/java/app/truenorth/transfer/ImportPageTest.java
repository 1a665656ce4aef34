package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The Import page: upload, preview with per-row status, confirm, progress until done. */
@IntegrationTest
class ImportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    long productId;
    String base;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        productId = fixtures.product(owner, "Atlas").id();
        base = "/products/" + productId + "/roadmap/import";
    }

    long initiatives() {
        return jdbc.sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    MockMultipartFile file(String fixture) {
        return new MockMultipartFile("file", fixture, "text/csv", ParsersTest.fixture(fixture).getBytes(StandardCharsets.UTF_8));
    }

    String upload(String fixture, String format) throws Exception {
        return mvc.perform(multipart(base).file(file(fixture)).param("format", format).with(owner.session()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static String uploadId(String html) {
        Matcher m = Pattern.compile("name=\"uploadId\" value=\"([0-9a-f]{32})\"").matcher(html);
        assertThat(m.find()).as("the preview offers a confirmation").isTrue();
        return m.group(1);
    }

    @Test
    void previewThenConfirmImportsAndShowsProgressUntilDone() throws Exception {
        mvc.perform(get(base).with(owner.session())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jira CSV export")));

        String preview = upload("jira.csv", "jira-csv");
        assertThat(preview).contains("Guided setup wizard, with templates").contains("4 ready").contains("2 skipped")
                .contains("Dry run").contains("Self-serve onboarding");
        assertThat(initiatives()).as("previewing writes nothing").isZero();

        String upload = uploadId(preview);
        mvc.perform(post(base + "/confirm").param("uploadId", upload).with(owner.session()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("import-progress")));
        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("Open the roadmap"); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(base + "/progress").param("uploadId", upload).header("HX-Request", "true")
                    .with(owner.session())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("Imported 4 initiatives").doesNotContain("hx-trigger");
        assertThat(initiatives()).isEqualTo(4);
    }

    @Test
    void rejectedRowsAreListedByLineAndCanBeSkippedOnlyOnPurpose() throws Exception {
        String preview = upload("jira-bad-middle.csv", "jira-csv");
        assertThat(preview).contains("3 rejected").contains("31/Foo/25").contains("must not be blank")
                .contains("Import the 2 acceptable rows and skip the 3 rejected ones");
        String upload = uploadId(preview);
        mvc.perform(post(base + "/confirm").param("uploadId", upload).with(owner.session()).with(csrf())).andExpect(status().isOk());
        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("nothing was written"); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(base + "/progress").param("uploadId", upload).header("HX-Request", "true")
                    .with(owner.session())).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("nothing was written");
        assertThat(initiatives()).isZero();

        String again = uploadId(upload("jira-bad-middle.csv", "jira-csv"));
        mvc.perform(post(base + "/confirm").param("uploadId", again).param("skipRejected", "true").with(owner.session()).with(csrf()));
        for (int i = 0; i < 100 && initiatives() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(initiatives()).isEqualTo(2);
    }

    @Test
    void aWholeTrackerExportOfSeveralMegabytesCanBeUploaded() throws Exception {
        String csv = app.truenorth.transfer.bench.JiraImportBench.generate(10_000, new java.util.Random(7));
        assertThat(csv.length()).isGreaterThan(1_500_000);
        String page = mvc.perform(multipart(base).file(new MockMultipartFile("file", "big.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).param("format", "jira-csv").with(owner.session()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("first 200 of 10000").contains("9980 ready");
    }

    @Test
    void aFileOfTheWrongKindIsExplainedBesideTheField() throws Exception {
        String page = upload("roadmunk.csv", "jira-csv");
        assertThat(page).contains("has no \"Summary\" column").doesNotContain("name=\"uploadId\"");
        mvc.perform(multipart(base).param("format", "jira-csv").with(owner.session()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Choose a file to import.")));
    }

    @Test
    void anotherMemberCannotConfirmSomeoneElsesUploadAndViewersCannotImport() throws Exception {
        String upload = uploadId(upload("jira.csv", "jira-csv"));
        var editor = fixtures.member(owner, Role.EDITOR);
        mvc.perform(post(base + "/confirm").param("uploadId", upload).with(editor.session()).with(csrf()))
                .andExpect(status().isNotFound());
        var viewer = fixtures.member(owner, Role.VIEWER);
        mvc.perform(get(base).with(viewer.session())).andExpect(status().isForbidden());
        mvc.perform(multipart(base).file(file("jira.csv")).param("format", "jira-csv").with(viewer.session()).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(content().string(not(containsString("Guided setup"))));
        assertThat(initiatives()).isZero();
    }
}
