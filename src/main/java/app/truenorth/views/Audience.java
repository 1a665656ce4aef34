package app.truenorth.views;

import java.util.Arrays;
import java.util.Optional;

/** Who a view of the roadmap is for; each has a preset of what it may see. */
public enum Audience {
    EXECUTIVE("Executive one-pager", "Themes, objectives with progress, top initiatives, key decisions and top risks on one printable page.",
            "Executives"),
    ENGINEERING("Engineering", "Full detail: teams, effort, dependencies and risks with their owners.", "Engineering"),
    SALES("Sales", "Customer-relevant highlights with themes, quarters and external key decisions; no internal risks, teams or owners.",
            "Sales"),
    CUSTOMER("Customer-facing", "Only initiatives marked external, without internal names, notes, owners or exact dates.",
            "Customers and partners");

    private final String label;
    private final String purpose;
    private final String people;

    Audience(String label, String purpose, String people) {
        this.label = label;
        this.purpose = purpose;
        this.people = people;
    }

    /** The people themselves, as a share link's recipients are named ("Customers and partners"). */
    public String people() {
        return people;
    }

    public String label() {
        return label;
    }

    public String purpose() {
        return purpose;
    }

    /** The lower-case name used in paths and exports ("customer"). */
    public String slug() {
        return name().toLowerCase();
    }

    public static Optional<Audience> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    /** Whether people outside the company see it: its rules can never be loosened to show internal things. */
    public boolean external() {
        return this == CUSTOMER;
    }
}
