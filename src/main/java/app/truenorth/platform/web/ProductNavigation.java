package app.truenorth.platform.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The product navigation, made of the {@link ProductSection} beans the modules declare: ordered by
 * weight (then key, so equal weights still give one order), each key once. Two modules claiming the same
 * key stop the application at start-up.
 */
@Component
public class ProductNavigation {

    private final List<ProductSection> sections;
    private final Map<String, ProductSection> byKey = new HashMap<>();

    public ProductNavigation(List<ProductSection> contributed) {
        this.sections = contributed.stream()
                .sorted(Comparator.comparingInt(ProductSection::weight).thenComparing(ProductSection::key)).toList();
        for (ProductSection s : sections) {
            ProductSection before = byKey.putIfAbsent(s.key(), s);
            if (before != null) {
                throw new IllegalStateException("Two product sections use the key \"" + s.key() + "\": " + before.label() + " and "
                        + s.label());
            }
        }
    }

    /** Every section, in navigation order. */
    public List<ProductSection> sections() {
        return sections;
    }

    public Optional<ProductSection> section(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
