package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code --demo} on an empty instance: a realistic workspace whose people can sign in. */
@SpringBootTest(properties = "truenorth.demo=true")
class DemoSeederTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Captured captured;
    @Autowired
    DemoContributors contributors;

    @Test
    void seedsOnceAndAnnouncesItToTheOtherModules() {
        assertThat(captured.events).hasSize(1);
        var event = captured.events.getFirst();
        assertThat(event.products()).extracting(DemoWorkspace.DemoProduct::key).containsExactly("atlas", "beacon");
        assertThat(event.people()).containsOnlyKeys("OWNER", "EDITOR", "CONTRIBUTOR", "VIEWER");

        List<String> roles = jdbc.sql("select role from membership where workspace_id = :ws order by role")
                .param("ws", event.workspaceId()).query(String.class).list();
        assertThat(roles).containsExactly("CONTRIBUTOR", "EDITOR", "OWNER", "VIEWER");
        String hash = jdbc.sql("select password_hash from app_user where email = :e").param("e", DemoSeeder.OWNER_EMAIL)
                .query(String.class).single();
        assertThat(encoder.matches(DemoSeeder.PASSWORD, hash)).isTrue();
        assertThat(jdbc.sql("select count(*) from instance_setup").query(Long.class).single()).isEqualTo(1);

        // the other modules add theirs: a strategy session for the main product
        assertThat(jdbc.sql("select count(*) from strategy_session where product_id = :p")
                .param("p", event.products().getFirst().productId()).query(Long.class).single()).isEqualTo(1);

        // and the roadmap, whose initiatives mostly serve that session's real differentiators and problem statements
        long atlas = event.products().getFirst().productId();
        long initiatives = jdbc.sql("""
                select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p""")
                .param("p", atlas).query(Long.class).single();
        long linkedToTheSession = jdbc.sql("""
                select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id
                where r.product_id = :p and (
                    (i.link_kind = 'DIFFERENTIATOR' and i.link_ref in (
                        select d.id from session_differentiator d join strategy_session s on s.id = d.session_id
                        where s.product_id = :p))
                    or (i.link_kind = 'PROBLEM_STATEMENT' and i.link_ref in (
                        select ps.id from problem_statement ps join strategy_session s on s.id = ps.session_id
                        where s.product_id = :p)))""")
                .param("p", atlas).query(Long.class).single();
        long linked = jdbc.sql("""
                select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id
                where r.product_id = :p and i.link_kind is not null""")
                .param("p", atlas).query(Long.class).single();
        assertThat(initiatives).isEqualTo(12);
        assertThat(linkedToTheSession).as("every link points at a real session artifact").isEqualTo(linked);
        assertThat(linkedToTheSession * 4).as("most initiatives are linked").isGreaterThanOrEqualTo(initiatives * 3);
        assertThat(linkedToTheSession).as("a couple are deliberate orphans").isLessThan(initiatives);
        assertThat(jdbc.sql("""
                select count(*) from roadmap_snapshot s join roadmap r on r.id = s.roadmap_id
                where r.product_id = :p and s.name = 'Last board meeting'""")
                .param("p", atlas).query(Long.class).single()).isEqualTo(1);
        // the sample roadmap is about fleets, not a generic SaaS product
        assertThat(jdbc.sql("""
                select title from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p""")
                .param("p", atlas).query(String.class).list()).contains("Universal telematics adapter", "Free-van list for dispatchers");
    }

    @Test
    void eachModuleAddsItsPartAfterThePartsItNeeds() {
        // the roadmap links to the session's artifacts, health tunes the roadmap; the rest by name
        assertThat(contributors.order()).containsExactly("captured", "session", "roadmap", "health", "views");
    }

    @TestConfiguration
    static class Config {

        @Bean
        Captured captured() {
            return new Captured();
        }
    }

    /** A module of this test's own, told about the demo workspace like every other. */
    static class Captured implements DemoContributor {

        final List<DemoWorkspace> events = new ArrayList<>();

        @Override
        public String name() {
            return "captured";
        }

        @Override
        public void contribute(DemoWorkspace demo) {
            events.add(demo);
        }
    }
}
