package app.truenorth.platform.mail;

/**
 * An e-mail's content: a record with what its template shows, e.g. {@link Notice}. The template is a
 * JTE file under {@code src/main/jte/mail/} (precompiled with the pages) that takes two parameters:
 * {@code mail}, this record, and {@code links}, the {@link app.truenorth.platform.web.LinkBuilder} for
 * absolute links; it usually wraps its content in {@code @template.mail.layout(...)}.
 */
public interface MailMessage {

    /** The subject line: one line, at most 300 characters. */
    String subject();

    /** The template's path under {@code src/main/jte}, e.g. {@code "mail/notice.jte"}. */
    String template();
}
