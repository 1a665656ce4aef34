package app.truenorth.session;

import app.truenorth.platform.Problems;
import java.util.List;
import java.util.Map;

/**
 * The positioning statement's parts. Differentiators are a list whose ids stay stable across edits,
 * because roadmap initiatives link to them.
 */
public record Positioning(String targetCustomer, String need, String productName, String category, String keyBenefit,
        String alternative, List<Differentiator> differentiators) {

    /** One differentiator; id is null until it is first saved. */
    public record Differentiator(Long id, String text) {
    }

    public static final Positioning EMPTY = new Positioning("", "", "", "", "", "", List.of());

    public Positioning {
        targetCustomer = clean(targetCustomer);
        need = clean(need);
        productName = clean(productName);
        category = clean(category);
        keyBenefit = clean(keyBenefit);
        alternative = clean(alternative);
        differentiators = differentiators == null ? List.of() : List.copyOf(differentiators);
        Problems errors = new Problems();
        length(errors, "targetCustomer", targetCustomer, 300);
        length(errors, "need", need, 300);
        length(errors, "productName", productName, 100);
        length(errors, "category", category, 200);
        length(errors, "keyBenefit", keyBenefit, 300);
        length(errors, "alternative", alternative, 300);
        if (differentiators.size() > 12) {
            errors.add("differentiators", "at most 12 differentiators; sharpen the list");
        }
        for (int i = 0; i < differentiators.size(); i++) {
            String text = differentiators.get(i).text() == null ? "" : differentiators.get(i).text().trim();
            if (text.isEmpty()) {
                errors.add("differentiators[" + i + "]", "must not be blank");
            } else if (text.length() > 300) {
                errors.add("differentiators[" + i + "]", "must be at most 300 characters");
            }
        }
        errors.throwIfAny();
        differentiators = differentiators.stream().map(d -> new Differentiator(d.id(), d.text().trim())).toList();
    }

    /** "For [target] who [need], [product] is a [category] that [benefit]. Unlike [alternative], [product] [differentiators]." */
    public String statement() {
        StringBuilder s = new StringBuilder();
        s.append("For ").append(or(targetCustomer, "[target customer]"))
                .append(" who ").append(or(need, "[need]"))
                .append(", ").append(or(productName, "[product]"))
                .append(" is a ").append(or(category, "[category]"))
                .append(" that ").append(or(keyBenefit, "[key benefit]")).append(". ");
        s.append("Unlike ").append(or(alternative, "[primary alternative]")).append(", ")
                .append(or(productName, "[product]")).append(" ");
        s.append(differentiators.isEmpty() ? "[differentiators]" : joinNaturally(differentiators.stream().map(Differentiator::text).toList()));
        s.append(".");
        return s.toString().replace("..", ".");
    }

    /** What is missing before the statement can be signed off, field → message. */
    public Map<String, String> gaps() {
        Problems gaps = new Problems();
        required(gaps, "targetCustomer", targetCustomer, "Name the target customer");
        required(gaps, "need", need, "Say what they need");
        required(gaps, "productName", productName, "Name the product");
        required(gaps, "category", category, "Name the category");
        required(gaps, "keyBenefit", keyBenefit, "Say the key benefit");
        required(gaps, "alternative", alternative, "Name the primary alternative");
        if (differentiators.isEmpty()) {
            gaps.add("differentiators", "Add at least one differentiator");
        }
        return gaps.asMap();
    }

    static String joinNaturally(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static void required(Problems gaps, String field, String value, String message) {
        if (value.isEmpty()) {
            gaps.add(field, message);
        }
    }

    private static void length(Problems errors, String field, String value, int max) {
        if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
    }

    private static String or(String value, String placeholder) {
        return value.isEmpty() ? placeholder : value;
    }

    static String clean(String s) {
        return s == null ? "" : s.trim();
    }
}
