package app.truenorth.platform.web;

/**
 * One entry of a product's navigation. Each module that serves a section under {@code /products/{id}}
 * declares its entry as a bean, and {@link ProductNavigation} puts the entries in order; the platform
 * lists none itself.
 *
 * @param key     the section's path under the product ({@code /products/{id}/<key>}; "overview" is the
 *                product's own page) and the name a page gives as its active section
 * @param label   the entry's text
 * @param purpose one line on what lives there, for the product's overview
 * @param weight  where the entry sits: lighter first. A module picks its own and keeps it; leave gaps, so a
 *                section that arrives later fits between two without renumbering the others
 */
public record ProductSection(String key, String label, String purpose, int weight) {

    public ProductSection {
        if (key == null || !key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A product section's key is a path segment in lower case, not " + key);
        }
    }
}
