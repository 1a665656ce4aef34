package app.truenorth.platform.mail;

import app.truenorth.platform.web.LinkBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through the outbox: {@link #send} renders the message from its JTE template now (links
 * made absolute by {@link LinkBuilder}, so during a request they may follow its Host header when
 * {@code truenorth.base-url} is unset) and writes it to {@code mail_outbox} in the caller's
 * transaction, so a mail goes out exactly when the change that caused it commits. A background job
 * (once per cluster) sends what is pending over SMTP and retries failures, after 1, 5 and 30 minutes,
 * 2 and 6 hours, then marks the message failed.
 *
 * <pre>{@code
 * mailer.send(person.email(), new Notice("Check-in due", "Your weekly check-in is due",
 *         List.of("Team Atlas has not checked in this week."), "Check in now", "/products/12/execution"));
 * }</pre>
 *
 * <p>E-mail is off until {@code spring.mail.host} is set (with {@code spring.mail.port},
 * {@code spring.mail.username}, ... as Spring Boot reads them; the sender is {@code truenorth.mail.from}).
 * While it is off, messages are still rendered and written, with the status {@code skipped}: kept for
 * the record and never sent, not even once SMTP is configured later (a reminder from last month is
 * noise). Start-up logs once that e-mail is off.
 */
@Component
public class Mailer {

    private static final int MAX_RECIPIENT = 320;
    private static final int MAX_SUBJECT = 300;

    private final JdbcClient jdbc;
    private final TemplateEngine templates;
    private final LinkBuilder links;
    private final Clock clock;
    private final OutboxSender sender;

    Mailer(JdbcClient jdbc, TemplateEngine templates, LinkBuilder links, Clock clock, OutboxSender sender) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
        this.sender = sender;
    }

    /** Whether messages are sent (an SMTP server is configured) or only recorded as skipped. */
    public boolean enabled() {
        return sender.enabled();
    }

    /**
     * Renders {@code message} and writes it to the outbox in the caller's transaction; returns its id
     * in {@code mail_outbox}.
     *
     * @param to one address, e.g. {@code priya@example.com} or {@code Priya Shah <priya@example.com>}
     * @throws IllegalArgumentException when the address or subject is not fit for a mail header
     */
    public long send(String to, MailMessage message) {
        String recipient = recipient(to);
        String subject = message.subject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || subject.indexOf('\n') >= 0
                || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A subject is one line of 1 to " + MAX_SUBJECT + " characters");
        }
        var html = new StringOutput();
        templates.render(message.template(), Map.of("mail", message, "links", links), html);
        String htmlBody = html.toString();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, html_body, text_body, status, attempts, next_attempt_at, created_at)
                values (:recipient, :subject, :html, :text, :status, 0, :now, :now)""")
                .param("recipient", recipient).param("subject", subject).param("html", htmlBody)
                .param("text", MailText.of(htmlBody)).param("status", sender.enabled() ? "pending" : "skipped")
                .param("now", now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static String recipient(String to) {
        if (to == null || to.isBlank() || to.length() > MAX_RECIPIENT || to.indexOf('\n') >= 0 || to.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Not an e-mail address: " + to);
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(to.strip(), true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("One address per message: " + to);
            }
            parsed[0].validate();
            return parsed[0].toUnicodeString();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + to, e);
        }
    }
}
