package app.truenorth.platform.mail;

import app.truenorth.platform.schedule.ClusterScheduler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Takes pending messages from the outbox and sends them, as a job that runs on one node at a time
 * (its lease outlasts a slow SMTP server), every {@code truenorth.mail.poll} (5 s). A message is sent
 * at least once: a node that dies between the SMTP server's acceptance and the row's update sends it
 * again after the lease lapses. Sent, skipped and failed messages are deleted after
 * {@code truenorth.mail.keep} (30 days).
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** The waits after the 1st, 2nd, ... failed attempt; after the last one the message has failed. */
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JavaMailSender smtp;
    private final InternetAddress from;
    private final Duration keep;

    OutboxSender(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> smtp, ClusterScheduler scheduler,
            @Value("${truenorth.mail.from:TrueNorth <truenorth@localhost>}") String from,
            @Value("${truenorth.mail.poll:PT5S}") Duration poll,
            @Value("${truenorth.mail.keep:P30D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.smtp = smtp.getIfAvailable();
        this.keep = keep;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("truenorth.mail.from is not an e-mail address: " + from, e);
        }
        if (this.smtp == null) {
            log.info("E-mail is off: spring.mail.host is not set. Messages are kept in the outbox as 'skipped' and never sent.");
        } else {
            scheduler.schedule("mail-outbox", poll, Duration.ofMinutes(10), this::sendDue);
        }
        scheduler.schedule("mail-outbox-purge", Duration.ofHours(6), this::purge);
    }

    boolean enabled() {
        return smtp != null;
    }

    private record Pending(long id, String recipient, String subject, String html, String text, int attempts) {
    }

    /** Sends what is due, oldest first; returns how many were sent. */
    synchronized int sendDue() {
        if (smtp == null) {
            return 0;
        }
        int sent = 0;
        List<Pending> due;
        do {
            due = jdbc.sql("""
                    select id, recipient, subject, html_body, text_body, attempts from mail_outbox
                    where status = 'pending' and next_attempt_at <= :now order by id fetch first %d rows only""".formatted(BATCH))
                    .param("now", now())
                    .query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)))
                    .list();
            for (Pending p : due) {
                if (send(p)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    private boolean send(Pending p) {
        try {
            MimeMessage mime = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(InternetAddress.parse(p.recipient(), true));
            helper.setSubject(p.subject());
            helper.setText(p.text(), p.html());
            smtp.send(mime);
            jdbc.sql("update mail_outbox set status = 'sent', attempts = attempts + 1, sent_at = :now, last_error = null where id = :id")
                    .param("now", now()).param("id", p.id()).update();
            return true;
        } catch (MailException | MessagingException e) {
            failed(p, e);
            return false;
        }
    }

    private void failed(Pending p, Exception e) {
        int attempts = p.attempts() + 1;
        boolean giveUp = attempts > RETRIES.size();
        Instant next = clock.instant().plus(giveUp ? Duration.ZERO : RETRIES.get(attempts - 1));
        String error = String.valueOf(e.getMessage());
        log.warn("Could not send mail {} (attempt {}{}): {}", p.id(), attempts, giveUp ? ", giving up" : "", error);
        jdbc.sql("""
                update mail_outbox set status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error
                where id = :id""")
                .param("status", giveUp ? "failed" : "pending").param("attempts", attempts)
                .param("next", OffsetDateTime.ofInstant(next, ZoneOffset.UTC))
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", p.id()).update();
    }

    void purge() {
        jdbc.sql("delete from mail_outbox where status <> 'pending' and created_at < :before")
                .param("before", OffsetDateTime.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC)).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
