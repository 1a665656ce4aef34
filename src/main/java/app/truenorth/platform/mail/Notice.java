package app.truenorth.platform.mail;

import java.util.List;

/**
 * A plain e-mail: a heading, a few paragraphs and, if there is something to open, one button. Enough
 * for reminders, escalations and invitations; a module with richer mail adds a record and a template.
 *
 * @param paragraphs plain text, one entry per paragraph (escaped when rendered)
 * @param actionLabel the button's label, or null for none
 * @param actionPath where the button leads, a path of this application ({@code /products/12/execution}),
 *        made absolute with {@code truenorth.base-url}; null for none
 */
public record Notice(String subject, String heading, List<String> paragraphs, String actionLabel, String actionPath)
        implements MailMessage {

    public Notice {
        paragraphs = List.copyOf(paragraphs);
        if ((actionLabel == null) != (actionPath == null)) {
            throw new IllegalArgumentException("A button has both a label and a path, or neither");
        }
    }

    @Override
    public String template() {
        return "mail/notice.jte";
    }
}
