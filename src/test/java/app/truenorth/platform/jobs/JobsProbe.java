package app.truenorth.platform.jobs;

import app.truenorth.support.ServerProbe;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Workspaces;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /probe/jobs/owner}: a new owner with a workspace, a product and an API token, inside a server process. */
@ServerProbe
@RestController
class JobsProbe {

    static final String PASSWORD = "jobs-probe-password";

    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Products products;
    private final ApiTokens tokens;

    JobsProbe(Accounts accounts, Workspaces workspaces, Products products, ApiTokens tokens) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.products = products;
        this.tokens = tokens;
    }

    @PostMapping("/probe/jobs/owner")
    Map<String, Object> owner() {
        String email = "jobs-" + UUID.randomUUID() + "@example.com";
        var user = accounts.createUser(email, "Jobs Owner", PASSWORD);
        var workspace = workspaces.create("Jobs workspace", user.id());
        var product = products.create(workspace.id(), "Jobs product", "Followed across nodes");
        return Map.of("email", email, "password", PASSWORD, "productId", product.id(),
                "token", tokens.create(user.id(), workspace.id(), "probe").secret());
    }
}
