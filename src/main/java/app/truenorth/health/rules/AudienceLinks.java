package app.truenorth.health.rules;

/**
 * Share links handed to one audience, and which view they show. The views module owns audiences and
 * links; until it reports them, the server passes no audiences and the one-size-fits-all rule stays quiet.
 *
 * @param audience     who the links are for ("executive", "customer", …)
 * @param view         the view (preset) the links show
 * @param externalView whether that view is the customer-safe external one
 * @param customers    whether the audience is customers (outside the company)
 * @param linkCount    live links for this audience
 */
public record AudienceLinks(String audience, String view, boolean externalView, boolean customers, int linkCount) {
}
