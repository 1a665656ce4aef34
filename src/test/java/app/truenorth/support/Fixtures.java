package app.truenorth.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;
import app.truenorth.workspace.Workspaces;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Builders for the people, workspaces and products a test needs, made through the real services. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Products products;
    private final Invitations invitations;
    private final ApiTokens tokens;
    private final app.truenorth.views.Views views;
    private final app.truenorth.views.ExportJobs exportJobs;

    Fixtures(Accounts accounts, Workspaces workspaces, Products products, Invitations invitations, ApiTokens tokens,
            app.truenorth.views.Views views, app.truenorth.views.ExportJobs exportJobs) {
        this.views = views;
        this.exportJobs = exportJobs;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.products = products;
        this.invitations = invitations;
        this.tokens = tokens;
    }

    /** A person in a workspace, with their role there. */
    public record Person(long userId, String email, String displayName, long workspaceId, Role role) {

        public AuthenticatedUser principal() {
            return new AuthenticatedUser(userId, email, displayName, null, null);
        }

        /** MockMvc: act as this person in a browser session. */
        public RequestPostProcessor session() {
            AuthenticatedUser user = principal();
            return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
    }

    /** A new user who owns a new workspace. */
    public Person owner() {
        int n = SEQ.incrementAndGet();
        String email = "owner" + n + "-" + System.nanoTime() + "@example.com";
        var user = accounts.createUser(email, "Owner " + n, PASSWORD);
        var workspace = workspaces.create("Workspace " + n, user.id());
        return new Person(user.id(), user.email(), user.displayName(), workspace.id(), Role.OWNER);
    }

    /** A new user who joined the owner's workspace through an invitation with the given role. */
    public Person member(Person owner, Role role) {
        int n = SEQ.incrementAndGet();
        String email = role.name().toLowerCase() + n + "-" + System.nanoTime() + "@example.com";
        var invitation = invitations.create(owner.workspaceId(), owner.userId(), role, "fixture");
        var user = invitations.acceptAsNewUser(invitation.secret(), email, role.label() + " " + n, PASSWORD);
        return new Person(user.id(), user.email(), user.displayName(), owner.workspaceId(), role);
    }

    public Products.Product product(Person owner, String name) {
        return products.create(owner.workspaceId(), name + " " + SEQ.incrementAndGet(), "A product for tests");
    }

    /** A fresh API token secret for the person's workspace. */
    public String token(Person person) {
        return tokens.create(person.userId(), person.workspaceId(), "test token").secret();
    }

    /** A live share link of the product's customer view, made by the owner; its token is the secret in the link. */
    public app.truenorth.views.Views.CreatedLink shareLink(Person owner, long productId) {
        var user = owner.principal();
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return views.createLink(productId, app.truenorth.views.Audience.CUSTOMER, "fixture link", null, null);
        } finally {
            context.setAuthentication(previous);
        }
    }

    /** A finished background export of the product's customer view, started by the person. */
    public String exportJob(Person person, long productId) {
        var user = person.principal();
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            var status = exportJobs.start(productId, app.truenorth.views.Audience.CUSTOMER, app.truenorth.views.ExportFormat.MARKDOWN);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!exportJobs.status(productId, status.id()).finished() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return status.id();
        } finally {
            context.setAuthentication(previous);
        }
    }

    public static String bearer(String secret) {
        return "Bearer " + secret;
    }
}
