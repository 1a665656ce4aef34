package app.truenorth.health.rules;

import java.util.List;

/**
 * Share links handed to one audience that show one view. On the server the views module reports them
 * (live links only: neither revoked nor expired); in a YAML roadmap they are the {@code audiences} list.
 *
 * @param audience     who holds the links ("Executives", "customer", …)
 * @param view         the view (preset) the links show
 * @param externalView whether that view is customer-safe: only external initiatives, nothing internal, no exact dates
 * @param customers    whether the audience is customers (outside the company)
 * @param linkCount    live links for this audience and view
 * @param links        the links' names where known (the server knows them, a YAML file only counts)
 */
public record AudienceLinks(String audience, String view, boolean externalView, boolean customers, int linkCount,
        List<String> links) {

    public AudienceLinks {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Links counted but not named, as a YAML roadmap lists them. */
    public AudienceLinks(String audience, String view, boolean externalView, boolean customers, int linkCount) {
        this(audience, view, externalView, customers, linkCount, List.of());
    }

    /** "Sales (“Kick-off”, “Partner day”)", or the audience alone when the links are not named. */
    String describe() {
        return links.isEmpty() ? audience
                : audience + " (" + String.join(", ", links.stream().map(l -> "“" + l + "”").toList()) + ")";
    }
}
