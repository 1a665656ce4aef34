package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.DemoWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's main product gets an edited executive preset, a customer link and a password-protected sales link. */
@IntegrationTest
class ViewsDemoContributorTest {

    @Autowired
    ViewsDemoContributor contributor;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoProductHasPresetsAndShareLinks() {
        var owner = fixtures.owner();
        long atlas = fixtures.product(owner, "Atlas Fleet").id();
        long beacon = fixtures.product(owner, "Beacon").id();
        contributor.contribute(new DemoWorkspace(owner.workspaceId(), owner.userId(), Map.of("OWNER", owner.userId()), List.of(
                new DemoWorkspace.DemoProduct("atlas", atlas, "Atlas Fleet"),
                new DemoWorkspace.DemoProduct("beacon", beacon, "Beacon"))));
        assertThat(jdbc.sql("select audience, label, password_hash is not null, expires_at is not null from share_link where product_id = :p order by audience")
                .param("p", atlas).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getBoolean(4))
                .list()).containsExactly("CUSTOMER|Customer advisory board|false|true", "SALES|Sales kick-off|true|true");
        assertThat(jdbc.sql("select max_items from view_preset where product_id = :p and audience = 'EXECUTIVE'").param("p", atlas)
                .query(Integer.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from share_link where product_id = :p").param("p", beacon).query(Integer.class).single()).isZero();
        assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
