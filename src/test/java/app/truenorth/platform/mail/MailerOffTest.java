package app.truenorth.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The suite's usual application: no spring.mail.host, no truenorth.base-url. */
@IntegrationTest
class MailerOffTest {

    @Autowired
    Mailer mailer;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withoutSmtpMessagesAreRecordedAsSkippedAndNeverSent() {
        assertThat(mailer.enabled()).isFalse();
        // during a request, links follow its host while truenorth.base-url is unset
        var request = new MockHttpServletRequest("POST", "/products/12/execution");
        request.setServerName("team.example.org");
        request.setServerPort(80);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        long id = mailer.send("priya@example.com", new Notice("Escalation", "An escalation needs you",
                List.of("Blocked on the vendor."), "Open it", "/products/12/execution"));

        var row = jdbc.sql("select status, html_body, text_body from mail_outbox where id = :id").param("id", id)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(row.get(0)).isEqualTo("skipped");
        assertThat(row.get(1)).contains("href=\"http://team.example.org/products/12/execution\"");
        assertThat(row.get(2)).contains("Open it (http://team.example.org/products/12/execution)");
        assertThat(sender.sendDue()).isZero();
        assertThat(jdbc.sql("select count(*) from job_lease where job_name = 'mail-outbox'").query(Long.class).single())
                .as("no sending job while e-mail is off").isZero();
    }
}
