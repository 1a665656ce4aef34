package app.truenorth.market;

import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Shell;
import java.util.Map;

/**
 * What the market sizing section ({@code market/market.jte}) shows and edits: the figures, the chart and
 * the model's form. The page that embeds it says where the form posts and whether it may be edited, and
 * passes what it shows between the figures and the model (the strategy session's go/no-go decision), so
 * the section knows nothing of the page around it.
 *
 * @param chart    the nested circles of the primary model (server-drawn SVG), or null without figures
 * @param draft    the model's inputs as shown in the form: the stored ones, or the ones just submitted
 * @param action   where the model's form posts
 * @param form     the values just submitted, when the form is shown again with its errors
 */
public record MarketPage(Shell shell, MarketSizings.Sizing market, String chart, MarketDraft draft, boolean editable, String action,
        FormErrors errors, Map<String, String> form) {

    /** The submitted value of a field when re-showing the form, else the stored one. */
    public String value(String field, String stored) {
        if (form != null && form.containsKey(field)) {
            return form.get(field);
        }
        return stored == null ? "" : stored;
    }

    public String error(String field) {
        return errors == null ? null : errors.get(field);
    }
}
