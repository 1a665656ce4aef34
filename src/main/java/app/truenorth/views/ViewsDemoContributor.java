package app.truenorth.views;

import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.DemoContributor;
import app.truenorth.workspace.DemoWorkspace;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Adds audience views to the demo's main product: a tightened executive one-pager (six initiatives, three
 * risks, the four latest key decisions), a customer link for
 * the customer advisory board and a password-protected sales link. The presets and links do not depend
 * on the roadmap's own sample data, so this needs no other contributor and works whether that is seeded
 * before or not. A link's token is shown only when it is made, so the demo's links are logged once at start-up.
 */
@Component
class ViewsDemoContributor implements DemoContributor {

    static final String SALES_PASSWORD = "northwind-sales";
    private static final Logger log = LoggerFactory.getLogger(ViewsDemoContributor.class);

    private final Views views;
    private final Accounts accounts;
    private final Clock clock;

    ViewsDemoContributor(Views views, Accounts accounts, Clock clock) {
        this.views = views;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "views";
    }

    @Override
    public void contribute(DemoWorkspace seeded) {
        var atlas = seeded.product("atlas");
        if (atlas.isEmpty()) {
            return;
        }
        long productId = atlas.get().productId();
        var owner = accounts.find(seeded.ownerId());
        var user = new AuthenticatedUser(owner.id(), owner.email(), owner.displayName(), null, null);
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        // the seeder runs outside any request: act as the demo workspace's owner, so the usual rules apply
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            views.updatePreset(productId, Audience.EXECUTIVE, new Views.PresetInput(
                    EnumSet.of(ViewField.THEMES, ViewField.OBJECTIVES, ViewField.STAGE, ViewField.RISKS, ViewField.OWNERS,
                            ViewField.DECISIONS), false, EnumSet.of(Horizon.NOW, Horizon.NEXT), 6, 3, DatePrecision.QUARTER, true, 4), 0);
            LocalDate today = LocalDate.now(clock);
            var customer = views.createLink(productId, Audience.CUSTOMER, "Customer advisory board", today.plusDays(90), null);
            var sales = views.createLink(productId, Audience.SALES, "Sales kick-off", today.plusDays(30), SALES_PASSWORD);
            log.info("Demo share links: customer view /share/{} ; sales view /share/{} (password {})", customer.token(), sales.token(),
                    SALES_PASSWORD);
        } finally {
            context.setAuthentication(previous);
        }
    }
}
