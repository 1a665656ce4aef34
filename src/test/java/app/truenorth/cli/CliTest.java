package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The command-line tools against a running server, authenticated by a personal API token. */
@IntegrationTest
class CliTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Products products;
    @Autowired
    ApiTokens tokens;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    String server() {
        return "http://localhost:" + port;
    }

    @Test
    void whoamiAndProductsWithAToken() {
        var owner = fixtures.owner();
        String token = fixtures.token(owner);

        var whoami = run("whoami", "--server", server(), "--token", token);
        assertThat(whoami.code()).isZero();
        assertThat(whoami.out()).contains(owner.email()).contains("owner in workspace");

        var created = run("products", "create", "Lighthouse", "--server", server(), "--token", token);
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(products.list(owner.workspaceId())).extracting(Products.Product::name).contains("Lighthouse");

        var listed = run("products", "--server", server(), "--token", token);
        assertThat(listed.out()).contains("Lighthouse");
    }

    @Test
    void aViewerIsRefusedWithTheServersReason() {
        var owner = fixtures.owner();
        var viewer = fixtures.member(owner, Role.VIEWER);
        var result = run("products", "create", "Nope", "--server", server(), "--token", fixtures.token(viewer));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("403").contains("viewer");
        assertThat(products.list(owner.workspaceId())).isEmpty();
    }

    @Test
    void aRevokedTokenAndAMissingTokenSayWhatToDo() {
        var owner = fixtures.owner();
        var created = tokens.create(owner.userId(), owner.workspaceId(), "cli");
        tokens.revoke(owner.userId(), created.token().id());
        var revoked = run("whoami", "--server", server(), "--token", created.secret());
        assertThat(revoked.code()).isEqualTo(2);
        assertThat(revoked.err()).contains("401");

        var missing = run("whoami", "--server", server(), "--token", "");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("API tokens");
    }

    @Test
    void validationErrorsArePrintedPerField() {
        var owner = fixtures.owner();
        var result = run("products", "create", " ", "--server", server(), "--token", fixtures.token(owner));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("400").contains("name: must not be blank");
    }

    @Test
    void onlyCommandsAreHandedToTheCli() {
        assertThat(Cli.handles(new String[] {"whoami"})).isTrue();
        assertThat(Cli.handles(new String[] {"--server.port=9000"})).isFalse();
        assertThat(Cli.handles(new String[0])).isFalse();
    }
}
