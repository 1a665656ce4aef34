package app.truenorth.views;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Problems;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.security.SecretHasher;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audience presets and share links of a product's roadmap. Signed-in calls go through
 * {@link WorkspaceAccess#product}; the share-link calls are anonymous and reach a roadmap only through
 * a token whose hash matches a live link.
 */
@Service
public class Views {

    /** Wrong passwords allowed before a link stops listening for a while. */
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final int LOCK_MINUTES = 15;


    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final Roadmaps roadmaps;
    private final Decisions decisions;
    private final Products products;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Views(JdbcClient jdbc, WorkspaceAccess access, Roadmaps roadmaps, Decisions decisions, Products products, AuditLog audit,
            PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.roadmaps = roadmaps;
        this.decisions = decisions;
        this.products = products;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A preset as stored; version 0 and {@code custom} false while the audience still has its defaults. */
    public record StoredPreset(Preset preset, int version, boolean custom) {
    }

    /**
     * What an editor asks a preset to be.
     *
     * @param keyDecisionsOnly null for the audience's default (key decisions only, except for engineering)
     * @param maxDecisions     null for the audience's default
     */
    public record PresetInput(Set<ViewField> fields, boolean externalOnly, Set<Horizon> horizons, int maxItems, int maxRisks,
            DatePrecision precision, Boolean keyDecisionsOnly, Integer maxDecisions) {

        /** A preset input with the audience's default choice of decisions. */
        public PresetInput(Set<ViewField> fields, boolean externalOnly, Set<Horizon> horizons, int maxItems, int maxRisks,
                DatePrecision precision) {
            this(fields, externalOnly, horizons, maxItems, maxRisks, precision, null, null);
        }
    }

    /**
     * A share link as its product's members see it (never its token).
     *
     * @param audience   whose view the link shows
     * @param sharedWith who the link was handed to; the view's own audience unless someone chose otherwise
     */
    public record LinkInfo(long id, Audience audience, Audience sharedWith, String label, boolean passwordProtected, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt, int viewCount, OffsetDateTime lastViewedAt, OffsetDateTime createdAt, int version) {

        public String state(OffsetDateTime now) {
            if (revokedAt != null) {
                return "revoked";
            }
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                return "expired";
            }
            return "active";
        }
    }

    /** A new link with its token, which is shown once and never again. */
    public record CreatedLink(LinkInfo link, String token) {
    }

    /**
     * The live share links (neither revoked nor expired) handed to one audience that show one view.
     *
     * @param sharedWith   who holds the links
     * @param view         whose view they show
     * @param customerSafe whether that view, as its preset stands now, is safe for people outside the company
     * @param labels       the links' names, oldest first
     */
    public record LiveShare(Audience sharedWith, Audience view, boolean customerSafe, List<String> labels) {

        public LiveShare {
            labels = List.copyOf(labels);
        }
    }

    // ---------------------------------------------------------------- presets

    public List<StoredPreset> presets(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        Map<Audience, StoredPreset> stored = storedPresets(product.productId());
        return Arrays.stream(Audience.values()).map(a -> stored.getOrDefault(a, new StoredPreset(Preset.defaults(a), 0, false))).toList();
    }

    public StoredPreset preset(long productId, Audience audience) {
        return presets(productId).stream().filter(p -> p.preset().audience() == audience).findFirst().orElseThrow();
    }

    @Transactional
    public StoredPreset updatePreset(long productId, Audience audience, PresetInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        Problems problems = new Problems();
        if (input.precision() == null) {
            problems.add("precision", "choose how precisely dates are shown");
        }
        Preset preset = null;
        if (!problems.any()) {
            Preset defaults = Preset.defaults(audience);
            preset = new Preset(audience, input.fields() == null ? Set.of() : input.fields(), input.externalOnly(),
                    input.horizons() == null ? Set.of() : input.horizons(), input.maxItems(), input.maxRisks(), input.precision(),
                    input.keyDecisionsOnly() == null ? defaults.keyDecisionsOnly() : input.keyDecisionsOnly(),
                    input.maxDecisions() == null ? defaults.maxDecisions() : input.maxDecisions());
            problems.addAll(preset.problems());
        }
        problems.throwIfAny();
        StoredPreset before = storedPresets(productId).getOrDefault(audience, new StoredPreset(Preset.defaults(audience), 0, false));
        if (before.version() != expectedVersion) {
            throw ConflictException.staleVersion("The " + audience.label() + " preset");
        }
        OffsetDateTime now = now();
        if (expectedVersion == 0) {
            try {
                jdbc.sql("""
                        insert into view_preset (product_id, workspace_id, audience, fields, external_only, horizons, max_items, max_risks,
                                                 date_precision, key_decisions_only, max_decisions, updated_at, version)
                        values (:product, :ws, :audience, :fields, :external, :horizons, :items, :risks, :precision, :keyOnly,
                                :decisions, :now, 1)""")
                        .param("product", productId).param("ws", product.workspaceId()).params(columns(preset)).param("now", now).update();
            } catch (DuplicateKeyException e) {
                throw ConflictException.staleVersion("The " + audience.label() + " preset");
            }
        } else {
            int rows = jdbc.sql("""
                    update view_preset set fields = :fields, external_only = :external, horizons = :horizons, max_items = :items,
                           max_risks = :risks, date_precision = :precision, key_decisions_only = :keyOnly, max_decisions = :decisions,
                           updated_at = :now, version = version + 1
                    where product_id = :product and audience = :audience and version = :version""")
                    .params(columns(preset)).param("now", now).param("product", productId).param("version", expectedVersion).update();
            if (rows == 0) {
                throw ConflictException.staleVersion("The " + audience.label() + " preset");
            }
        }
        StoredPreset after = new StoredPreset(preset, expectedVersion + 1, true);
        audit.record(product.workspaceId(), "view_preset", productId + ":" + audience.slug(), "update",
                "Changed the " + audience.label() + " view of " + product.productName(), describe(before.preset()), describe(preset));
        return after;
    }

    private static Map<String, Object> columns(Preset p) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("audience", p.audience().name());
        c.put("fields", p.fields().stream().map(Enum::name).collect(Collectors.joining(",")));
        c.put("external", p.externalOnly());
        c.put("horizons", p.horizons().stream().map(Enum::name).collect(Collectors.joining(",")));
        c.put("items", p.maxItems());
        c.put("risks", p.maxRisks());
        c.put("precision", p.precision().name());
        c.put("keyOnly", p.keyDecisionsOnly());
        c.put("decisions", p.maxDecisions());
        return c;
    }

    private static Map<String, Object> describe(Preset p) {
        Map<String, Object> c = columns(p);
        c.remove("audience");
        return c;
    }

    private Map<Audience, StoredPreset> storedPresets(long productId) {
        Map<Audience, StoredPreset> map = new EnumMap<>(Audience.class);
        jdbc.sql("""
                select audience, fields, external_only, horizons, max_items, max_risks, date_precision, version, key_decisions_only,
                       max_decisions
                from view_preset where product_id = :product""")
                .param("product", productId)
                .query(rs -> {
                    Audience a = Audience.valueOf(rs.getString(1));
                    Preset p = new Preset(a, enums(ViewField.class, rs.getString(2)), rs.getBoolean(3), enums(Horizon.class, rs.getString(4)),
                            rs.getInt(5), rs.getInt(6), DatePrecision.valueOf(rs.getString(7)), rs.getBoolean(9), rs.getInt(10));
                    map.put(a, new StoredPreset(p, rs.getInt(8), true));
                });
        return map;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String csv) {
        Set<E> set = EnumSet.noneOf(type);
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                set.add(Enum.valueOf(type, s.trim()));
            }
        }
        return set;
    }

    // ---------------------------------------------------------------- views

    /** The audience's view of a product the caller may read. */
    public AudienceView view(long productId, Audience audience) {
        RoadmapData data = roadmaps.load(productId);
        return AudienceViews.build(data, decisions.strategyDecisions(productId), preset(productId, audience).preset(),
                LocalDate.now(clock));
    }

    // ---------------------------------------------------------------- links

    public List<LinkInfo> links(long productId) {
        access.product(productId, Permission.READ);
        return jdbc.sql("select " + LINK_COLUMNS + " from share_link where product_id = :product order by created_at desc, id desc")
                .param("product", productId).query((rs, i) -> link(rs)).list();
    }

    public LinkInfo link(long productId, long linkId) {
        access.product(productId, Permission.READ);
        return findLink(productId, linkId).orElseThrow(() -> new NotFoundException("Share link"));
    }

    /** A link handed to the view's own audience. */
    public CreatedLink createLink(long productId, Audience audience, String label, LocalDate expiresOn, String password) {
        return createLink(productId, audience, null, label, expiresOn, password);
    }

    /**
     * A new share link showing {@code audience}'s view, handed to {@code sharedWith} (null: the view's own audience).
     */
    @Transactional
    public CreatedLink createLink(long productId, Audience audience, Audience sharedWith, String label, LocalDate expiresOn,
            String password) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        Audience recipients = sharedWith != null ? sharedWith : audience;
        Problems problems = new Problems();
        String name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            problems.add("label", "name the link after who receives it, e.g. \"Customer advisory board\"");
        } else if (name.length() > 120) {
            problems.add("label", "must be at most 120 characters");
        }
        if (audience == null) {
            problems.add("audience", "choose an audience");
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            problems.add("expiresOn", "must be after today (" + today + ")");
        }
        if (password != null && !password.isEmpty() && password.length() < 8) {
            problems.add("password", "must be at least 8 characters, or leave it empty for no password");
        }
        if (password != null && password.length() > 200) {
            problems.add("password", "must be at most 200 characters");
        }
        problems.throwIfAny();
        String token = SecretHasher.newSecret("");
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_link (product_id, workspace_id, audience, shared_with, label, token_hash, password_hash, expires_at,
                                        created_by, created_at)
                values (:product, :ws, :audience, :sharedWith, :label, :hash, :password, :expires, :by, :now)""")
                .param("product", productId).param("ws", product.workspaceId()).param("audience", audience.name())
                .param("sharedWith", recipients.name()).param("label", name)
                .param("hash", SecretHasher.hash(token))
                .param("password", password == null || password.isEmpty() ? null : passwords.encode(password))
                .param("expires", expiresAt).param("by", Callers.current().id()).param("now", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        LinkInfo link = findLink(productId, id).orElseThrow();
        audit.record(product.workspaceId(), "share_link", id, "create",
                "Shared the " + audience.label() + " view of " + product.productName() + " as \"" + name + "\""
                        + (recipients == audience ? "" : " with " + recipients.people()), null,
                Map.of("audience", audience.name(), "sharedWith", recipients.name(), "label", name,
                        "expiresAt", String.valueOf(expiresAt), "passwordProtected", link.passwordProtected()));
        return new CreatedLink(link, token);
    }

    @Transactional
    public LinkInfo revokeLink(long productId, long linkId) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        LinkInfo before = findLink(productId, linkId).orElseThrow(() -> new NotFoundException("Share link"));
        if (before.revokedAt() != null) {
            return before;
        }
        jdbc.sql("update share_link set revoked_at = :now, version = version + 1 where id = :id and product_id = :product and revoked_at is null")
                .param("now", now()).param("id", linkId).param("product", productId).update();
        audit.record(product.workspaceId(), "share_link", linkId, "revoke", "Revoked the share link \"" + before.label() + "\"",
                Map.of("revokedAt", "null"), Map.of("revokedAt", now().toString()));
        return findLink(productId, linkId).orElseThrow();
    }

    /**
     * The live links of a product (neither revoked nor expired), grouped by who holds them and whose view
     * they show, for roadmap health's one-size-fits-all check. Readers of the product may ask.
     */
    public List<LiveShare> liveShares(long productId) {
        access.product(productId, Permission.READ);
        Map<Audience, StoredPreset> stored = storedPresets(productId);
        record Key(Audience sharedWith, Audience view) {
        }
        Map<Key, List<String>> labels = new LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(shared_with, audience), audience, label from share_link
                where product_id = :product and revoked_at is null and (expires_at is null or expires_at > :now)
                order by created_at, id""")
                .param("product", productId).param("now", now())
                .query(rs -> {
                    labels.computeIfAbsent(new Key(Audience.valueOf(rs.getString(1)), Audience.valueOf(rs.getString(2))),
                            k -> new ArrayList<>()).add(rs.getString(3));
                });
        List<LiveShare> shares = new ArrayList<>();
        labels.forEach((key, names) -> shares.add(new LiveShare(key.sharedWith(), key.view(),
                stored.getOrDefault(key.view(), new StoredPreset(Preset.defaults(key.view()), 0, false)).preset().customerSafe(), names)));
        return shares;
    }

    private static final String LINK_COLUMNS = """
            id, audience, shared_with, label, password_hash, expires_at, revoked_at, view_count, last_viewed_at, created_at, version""";

    private Optional<LinkInfo> findLink(long productId, long linkId) {
        return jdbc.sql("select " + LINK_COLUMNS + " from share_link where id = :id and product_id = :product")
                .param("id", linkId).param("product", productId).query((rs, i) -> link(rs)).optional();
    }

    private static LinkInfo link(java.sql.ResultSet rs) throws java.sql.SQLException {
        Audience audience = Audience.valueOf(rs.getString("audience"));
        String sharedWith = rs.getString("shared_with");
        return new LinkInfo(rs.getLong("id"), audience, sharedWith == null ? audience : Audience.valueOf(sharedWith), rs.getString("label"),
                rs.getString("password_hash") != null, rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getInt("view_count"),
                rs.getObject("last_viewed_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
    }

    // ---------------------------------------------------------------- shared, anonymous

    /** A share link resolved from its token. */
    public record Shared(long linkId, long productId, long workspaceId, Audience audience, String label, String passwordHash,
            int failedAttempts, OffsetDateTime lockedUntil) {

        public boolean passwordProtected() {
            return passwordHash != null;
        }
    }

    /** Why a link that exists opens nothing any more: it was revoked or it expired. */
    public static class LinkGone extends RuntimeException {
        public LinkGone(String message) {
            super(message);
        }
    }

    /** The live link for a token; 404 for a token nobody issued, {@link LinkGone} for revoked or expired ones. */
    public Shared resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new NotFoundException("Share link");
        }
        record Row(Shared shared, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        }
        Row row = jdbc.sql("""
                select id, product_id, workspace_id, audience, label, password_hash, failed_attempts, locked_until, expires_at, revoked_at
                from share_link where token_hash = :hash""")
                .param("hash", SecretHasher.hash(token))
                .query((rs, i) -> new Row(new Shared(rs.getLong(1), rs.getLong(2), rs.getLong(3), Audience.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class)),
                        rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("Share link"));
        if (row.revokedAt() != null) {
            throw new LinkGone("This link was revoked by the team that shared it.");
        }
        if (row.expiresAt() != null && !row.expiresAt().isAfter(now())) {
            throw new LinkGone("This link expired on " + row.expiresAt().toLocalDate().minusDays(1) + ".");
        }
        return row.shared();
    }

    /** The outcome of a password attempt. */
    public enum Unlock {
        OPENED, WRONG, LOCKED
    }

    /**
     * Checks a password for a link. After {@link #MAX_FAILED_ATTEMPTS} wrong guesses in a row the link
     * refuses every guess, right or wrong, for {@link #LOCK_MINUTES} minutes.
     */
    @Transactional
    public Unlock unlock(String token, String password) {
        Shared shared = resolve(token);
        if (!shared.passwordProtected()) {
            return Unlock.OPENED;
        }
        OffsetDateTime now = now();
        if (shared.lockedUntil() != null && shared.lockedUntil().isAfter(now)) {
            return Unlock.LOCKED;
        }
        if (password != null && passwords.matches(password, shared.passwordHash())) {
            jdbc.sql("update share_link set failed_attempts = 0, locked_until = null where id = :id").param("id", shared.linkId()).update();
            return Unlock.OPENED;
        }
        int failed = shared.failedAttempts() + 1;
        boolean lock = failed >= MAX_FAILED_ATTEMPTS;
        jdbc.sql("update share_link set failed_attempts = :failed, locked_until = :until where id = :id")
                .param("failed", lock ? 0 : failed).param("until", lock ? now.plusMinutes(LOCK_MINUTES) : null).param("id", shared.linkId())
                .update();
        return lock ? Unlock.LOCKED : Unlock.WRONG;
    }

    /** The audience's view behind a live link; counts a view when {@code countView}. */
    @Transactional
    public AudienceView sharedView(Shared shared, boolean countView) {
        if (countView) {
            jdbc.sql("update share_link set view_count = view_count + 1, last_viewed_at = :now where id = :id")
                    .param("now", now()).param("id", shared.linkId()).update();
        }
        var product = products.get(shared.productId());
        if (product.workspaceId() != shared.workspaceId()) {
            throw new NotFoundException("Share link");
        }
        Preset preset = storedPresets(shared.productId()).getOrDefault(shared.audience(),
                new StoredPreset(Preset.defaults(shared.audience()), 0, false)).preset();
        LocalDate today = LocalDate.now(clock);
        RoadmapData data = roadmaps.loadShared(shared.workspaceId(), shared.productId(), product.name())
                .orElseGet(() -> null);
        if (data == null) {
            return new AudienceView(product.name(), shared.audience(), today, preset.precision(), List.of(), List.of(), List.of(),
                    new ArrayList<>(), List.of(), List.of(), List.of());
        }
        return AudienceViews.build(data, decisions.sharedStrategyDecisions(shared.workspaceId(), shared.productId()), preset, today);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
