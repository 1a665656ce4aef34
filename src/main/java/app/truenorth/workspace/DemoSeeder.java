package app.truenorth.workspace;

import app.truenorth.platform.security.AuthenticatedUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a realistic sample workspace for {@code ./truenorth start --demo}: an owner, an editor, a
 * contributor and a viewer, and two products. Runs only on an empty instance, so it never mixes
 * with real data; the other modules add their part as {@link DemoContributor}s, in the same transaction.
 */
@Component
class DemoSeeder {

    static final String OWNER_EMAIL = "demo@truenorth.local";
    static final String PASSWORD = "truenorth-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final boolean enabled;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Products products;
    private final DemoContributors contributors;
    private final TransactionTemplate tx;

    DemoSeeder(@Value("${truenorth.demo:false}") boolean enabled, Accounts accounts, Workspaces workspaces,
            Products products, DemoContributors contributors, TransactionTemplate tx) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.products = products;
        this.contributors = contributors;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfRequested() {
        if (!enabled) {
            return;
        }
        if (!accounts.setupNeeded()) {
            log.info("Demo data not added: this instance already has users. Use an empty --data folder for the demo.");
            return;
        }
        tx.executeWithoutResult(status -> seed());
        log.info("Demo workspace ready. Sign in as {} / {} (owner); priya@truenorth.local, marcus@truenorth.local and "
                + "lena@truenorth.local (editor, contributor, viewer) use the same password.", OWNER_EMAIL, PASSWORD);
    }

    DemoWorkspace seed() {
        var owner = accounts.setUp(OWNER_EMAIL, "Dana Whitfield", PASSWORD, "Northwind Logistics");
        long workspaceId = workspaces.ownedWorkspace(owner.id());
        Map<String, Long> people = new LinkedHashMap<>();
        people.put(Role.OWNER.name(), owner.id());
        people.put(Role.EDITOR.name(), member(workspaceId, "priya@truenorth.local", "Priya Raman", Role.EDITOR));
        people.put(Role.CONTRIBUTOR.name(), member(workspaceId, "marcus@truenorth.local", "Marcus Oyelaran", Role.CONTRIBUTOR));
        people.put(Role.VIEWER.name(), member(workspaceId, "lena@truenorth.local", "Lena Kowalski", Role.VIEWER));

        var atlas = products.create(workspaceId, "Atlas Fleet",
                "Route planning and live fleet telematics for regional delivery companies with 20 to 500 vans.");
        var beacon = products.create(workspaceId, "Beacon Driver App",
                "The mobile companion for drivers: turn-by-turn stops, proof of delivery and shift check-in.");
        var demo = new DemoWorkspace(workspaceId, owner.id(), people, List.of(
                new DemoWorkspace.DemoProduct("atlas", atlas.id(), atlas.name()),
                new DemoWorkspace.DemoProduct("beacon", beacon.id(), beacon.name())));
        // the modules' services check the caller's role, as for any change: seed as the demo's owner,
        // which also makes the audit trail read like the owner built the sample
        var principal = new AuthenticatedUser(owner.id(), owner.email(), owner.displayName(), null, null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            contributors.contribute(demo);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return demo;
    }

    private long member(long workspaceId, String email, String name, Role role) {
        var user = accounts.createUser(email, name, PASSWORD);
        workspaces.addMember(workspaceId, user.id(), role);
        return user.id();
    }
}
