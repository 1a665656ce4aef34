package app.truenorth.session;

import app.truenorth.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An initiative drafted in roadmap planning. It links to a differentiator or a problem statement of
 * this session; with no link it is shown as orphaned.
 */
public record PlannedInitiative(Long id, String title, String description, LinkKind linkKind, Long linkId) {

    public PlannedInitiative {
        title = Positioning.clean(title);
        description = Positioning.clean(description);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty()) {
            errors.put("title", "must not be blank");
        } else if (title.length() > 200) {
            errors.put("title", "must be at most 200 characters");
        }
        if (description.length() > 2000) {
            errors.put("description", "must be at most 2000 characters");
        }
        if ((linkKind == null) != (linkId == null)) {
            errors.put("link", "choose both what the initiative links to and which one, or neither");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public boolean orphaned() {
        return linkKind == null;
    }
}
