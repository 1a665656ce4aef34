package app.truenorth.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox with an SMTP server (GreenMail, on a port of its own so it can be stopped and started
 * again). The sender's job is left idle ({@code truenorth.mail.poll} of an hour): the test sends what
 * is due itself.
 */
@SpringBootTest(properties = {"truenorth.mail.poll=PT1H", "truenorth.base-url=https://roadmaps.example.com",
        "truenorth.mail.from=TrueNorth <roadmaps@example.com>"})
class MailerTest {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    Mailer mailer;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    static final Notice CHECK_IN = new Notice("Check-in due for Atlas Fleet", "Your weekly check-in is due",
            List.of("Team Atlas has not checked in this week.", "Say <script>alert(1)</script> & \"why\"."),
            "Check in now", "/products/12/execution");

    @BeforeEach
    void emptyOutbox() throws Exception {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        SMTP.purgeEmailFromAllMailboxes();
        jdbc.sql("delete from mail_outbox").update();
    }

    @Test
    void aMailWrittenInATransactionIsSentOnlyIfItCommits() throws Exception {
        assertThat(mailer.enabled()).isTrue();
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            mailer.send("rolled-back@example.com", CHECK_IN);
            status.setRollbackOnly();
        });
        long id = tx.execute(status -> mailer.send("Priya Shah <priya@example.com>", CHECK_IN));

        assertThat(sender.sendDue()).isEqualTo(1);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Check-in due for Atlas Fleet");
        assertThat(mail.getAllRecipients()[0].toString()).contains("priya@example.com");
        assertThat(mail.getFrom()[0].toString()).contains("roadmaps@example.com");
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html).contains("href=\"https://roadmaps.example.com/products/12/execution\"")
                .contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(text).contains("Check in now (https://roadmaps.example.com/products/12/execution)")
                .contains("Say <script>alert(1)</script> & \"why\".");
        assertThat(status(id)).isEqualTo("sent");
        assertThat(sender.sendDue()).as("sent once").isZero();
    }

    @Test
    void aFailedAttemptIsRetriedLaterAndTheLastFailureGivesUp() throws Exception {
        long id = mailer.send("marcus@example.com", CHECK_IN);
        SMTP.stop();
        assertThat(sender.sendDue()).isZero();
        assertThat(status(id)).isEqualTo("pending");
        var row = jdbc.sql("select attempts, next_attempt_at, last_error from mail_outbox where id = :id").param("id", id)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo(1);
        assertThat(((OffsetDateTime) row[1]).toInstant()).isAfter(java.time.Instant.now().plus(Duration.ofSeconds(50)));
        assertThat((String) row[2]).isNotBlank();
        assertThat(sender.sendDue()).as("not before its time").isZero();
        assertThat(jdbc.sql("select attempts from mail_outbox where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(1);

        SMTP.start();
        dueNow(id);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("sent");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);

        long doomed = mailer.send("lena@example.com", CHECK_IN);
        jdbc.sql("update mail_outbox set attempts = :n where id = :id").param("n", OutboxSender.RETRIES.size()).param("id", doomed).update();
        SMTP.stop();
        assertThat(sender.sendDue()).isZero();
        assertThat(status(doomed)).isEqualTo("failed");
        SMTP.start();
        dueNow(doomed);
        assertThat(sender.sendDue()).as("a failed message stays failed").isZero();
    }

    @Test
    void refusesWhatCannotBeAMailHeader() {
        for (String bad : new String[] {"not an address", "a@example.com, b@example.com", "a@example.com\nBcc: x@example.com", "", null}) {
            assertThatThrownBy(() -> mailer.send(bad, CHECK_IN)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        var twoLines = new Notice("Hello\r\nBcc: x@example.com", "h", List.of(), null, null);
        assertThatThrownBy(() -> mailer.send("a@example.com", twoLines)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("s", "h", List.of(), "Open", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
    }

    private String status(long id) {
        return jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single();
    }

    private void dueNow(long id) {
        jdbc.sql("update mail_outbox set next_attempt_at = :past where id = :id")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("id", id).update();
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        var found = find((MimeMultipart) mail.getContent(), type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return GreenMailUtil.getBody(part).isEmpty() ? null : (String) part.getContent();
            }
        }
        return null;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
