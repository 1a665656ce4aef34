package app.truenorth.health;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A roadmap's declared anti-goals: things the team has decided it will not build. The anti-goal rule
 * flags initiatives that resemble one. Each anti-goal is added or removed on its own, so two editors
 * never overwrite each other's change; the same anti-goal cannot be listed twice (a unique key on the
 * wording backs the check when two people add it at once). Every change is in the audit trail.
 */
@Service
public class AntiGoals {

    /** Longest wording accepted. */
    public static final int MAX_LENGTH = 200;
    /** Anti-goals one roadmap may list: a strategy rules out a handful of things, not a backlog. */
    public static final int MAX_PER_ROADMAP = 50;

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final AuditLog audit;
    private final Clock clock;

    AntiGoals(JdbcClient jdbc, WorkspaceAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** One declared anti-goal. */
    public record AntiGoal(long id, String text, OffsetDateTime createdAt) {
    }

    /**
     * What adding a list of anti-goals (a pushed roadmap file) does or would do.
     *
     * @param added    wordings that are new to the roadmap, in the list's order
     * @param problems why an entry is refused, by its position in the list (0-based)
     */
    public record Merge(List<String> added, Map<Integer, String> problems) {
    }

    /** The roadmap's anti-goals, oldest first. */
    public List<AntiGoal> list(long productId) {
        return list(access.product(productId, Permission.READ));
    }

    List<AntiGoal> list(ProductAccess product) {
        return jdbc.sql("""
                select id, wording, created_at from health_anti_goal
                where product_id = :p and workspace_id = :ws order by id""")
                .param("p", product.productId()).param("ws", product.workspaceId())
                .query((rs, i) -> new AntiGoal(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** The roadmap's anti-goals as plain text, as the health rules and the roadmap file take them. */
    public List<String> texts(long productId) {
        return list(productId).stream().map(AntiGoal::text).toList();
    }

    public AntiGoal get(long productId, long antiGoalId) {
        return find(access.product(productId, Permission.READ), antiGoalId).orElseThrow(() -> new NotFoundException("Anti-goal"));
    }

    /** Adds one anti-goal (editors). Problems are reported on the field {@code text}. */
    @Transactional
    public AntiGoal add(long productId, String text) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        String wording = normalise(text);
        List<AntiGoal> existing = list(product);
        String problem = problem(wording, existing.stream().map(AntiGoal::text).toList());
        if (problem == null && existing.size() >= MAX_PER_ROADMAP) {
            problem = "a roadmap lists at most " + MAX_PER_ROADMAP + " anti-goals: remove one first";
        }
        if (problem != null) {
            throw new InvalidInputException("text", problem);
        }
        long id;
        try {
            id = insert(product, wording);
        } catch (DuplicateKeyException e) {
            // added by someone else a moment ago
            throw new InvalidInputException("text", "is already on the list");
        }
        AntiGoal added = find(product, id).orElseThrow();
        audit.record(product.workspaceId(), "health_anti_goal", id, "created",
                "Added the anti-goal “" + wording + "” to " + product.productName(), null, Map.of("text", wording));
        return added;
    }

    /** Removes one anti-goal (editors); one that is gone already is not found. */
    @Transactional
    public AntiGoal remove(long productId, long antiGoalId) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        AntiGoal goal = find(product, antiGoalId).orElseThrow(() -> new NotFoundException("Anti-goal"));
        int rows = jdbc.sql("delete from health_anti_goal where id = :id and product_id = :p and workspace_id = :ws")
                .param("id", antiGoalId).param("p", product.productId()).param("ws", product.workspaceId()).update();
        if (rows == 0) {
            throw new NotFoundException("Anti-goal"); // removed by someone else meanwhile
        }
        audit.record(product.workspaceId(), "health_anti_goal", antiGoalId, "removed",
                "Removed the anti-goal “" + goal.text() + "” from " + product.productName(), Map.of("text", goal.text()), null);
        return goal;
    }

    /**
     * Adds the entries of a list that are not on the roadmap yet (a pushed roadmap file: it adds, it never
     * removes). Entries already listed, or repeated in the list, are left alone; entries the rules refuse are
     * reported and never written. With {@code write} false, or nothing new, nothing is stored. Joins the
     * caller's transaction, so a file's initiatives and anti-goals are written together or not at all.
     */
    @Transactional
    public Merge merge(long productId, List<String> texts, boolean write, String source) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        List<String> known = new ArrayList<>(list(product).stream().map(AntiGoal::text).toList());
        Set<String> keys = new HashSet<>(known.stream().map(AntiGoals::key).toList());
        List<String> added = new ArrayList<>();
        Map<Integer, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String wording = normalise(texts.get(i));
            if (keys.contains(key(wording))) {
                continue; // already listed: a pulled file pushed back adds nothing
            }
            String problem = problem(wording, known);
            if (problem == null && known.size() >= MAX_PER_ROADMAP) {
                problem = "a roadmap lists at most " + MAX_PER_ROADMAP + " anti-goals";
            }
            if (problem != null) {
                problems.put(i, problem);
                continue;
            }
            keys.add(key(wording));
            known.add(wording);
            added.add(wording);
        }
        if (write && !added.isEmpty()) {
            for (String wording : added) {
                insert(product, wording);
            }
            audit.record(product.workspaceId(), "health_anti_goal", product.productId(), "imported",
                    "Added " + added.size() + " anti-goal" + (added.size() == 1 ? "" : "s") + " to " + product.productName()
                            + " from " + source, null, Map.of("texts", added, "source", source));
        }
        return new Merge(List.copyOf(added), problems);
    }

    /** Why a wording cannot be added next to {@code existing}; null when it can. */
    static String problem(String wording, List<String> existing) {
        if (wording.isEmpty()) {
            return "is required: a solution the strategy rules out, such as “Build a custom integration for every large customer”";
        }
        if (wording.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        Set<String> words = words(wording);
        if (words.isEmpty()) {
            return "needs at least one significant word to be compared with initiatives, such as “We are not a CRM” (words "
                    + "shorter than three letters and common words such as “the”, “not” or “every” do not count)";
        }
        for (String other : existing) {
            if (key(other).equals(key(wording))) {
                return "is already on the list";
            }
            if (words(other).equals(words)) {
                return "says the same as “" + other + "”, already on the list";
            }
        }
        return null;
    }

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "from", "into", "our",
            "their", "your", "are", "was", "were", "will", "would", "can", "not", "but", "all", "any", "its", "who", "what",
            "when", "where", "which", "how", "more", "less", "than", "then", "them", "they", "has", "have", "had", "out",
            "own", "via", "per", "too", "very", "just", "only", "also", "each", "every", "new", "use", "using");

    /**
     * The significant words of a wording, for telling whether an anti-goal says anything and whether two say
     * the same (lower case, letters and digits, at least three characters, common English words dropped, a
     * plural "s" trimmed from words longer than four letters). Matching initiatives is the text scorer's job.
     */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = lower.substring(start, i);
                if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                    words.add(word.length() > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
                            : word);
                }
                start = -1;
            }
        }
        return words;
    }

    private long insert(ProductAccess product, String wording) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into health_anti_goal (product_id, workspace_id, wording, wording_key, created_at)
                values (:p, :ws, :wording, :key, :now)""")
                .param("p", product.productId()).param("ws", product.workspaceId()).param("wording", wording)
                .param("key", key(wording)).param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<AntiGoal> find(ProductAccess product, long id) {
        return jdbc.sql("""
                select id, wording, created_at from health_anti_goal
                where id = :id and product_id = :p and workspace_id = :ws""")
                .param("id", id).param("p", product.productId()).param("ws", product.workspaceId())
                .query((rs, i) -> new AntiGoal(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))).optional();
    }

    /** Trimmed, runs of white space (line breaks included) made one space. */
    static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String key(String wording) {
        return normalise(wording).toLowerCase(Locale.ROOT);
    }
}
