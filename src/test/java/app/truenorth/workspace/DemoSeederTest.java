package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
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

    @Test
    void seedsOnceAndAnnouncesItToTheOtherModules() {
        assertThat(captured.events).hasSize(1);
        var event = captured.events.getFirst();
        assertThat(event.products()).extracting(DemoWorkspaceSeeded.DemoProduct::key).containsExactly("atlas", "beacon");
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
    }

    @TestConfiguration
    static class Config {

        @Bean
        Captured captured() {
            return new Captured();
        }
    }

    static class Captured {

        final List<DemoWorkspaceSeeded> events = new ArrayList<>();

        @EventListener
        void on(DemoWorkspaceSeeded event) {
            events.add(event);
        }
    }
}
