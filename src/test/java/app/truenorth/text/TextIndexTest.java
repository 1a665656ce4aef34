package app.truenorth.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The text index in the application, on the database the suite runs on (H2, or PostgreSQL in CI). */
@IntegrationTest
class TextIndexTest {

    private static final String KIND = "initiative";
    private static final List<String> ROADMAP = List.of("Route optimisation for refrigerated trucks", "Offline map tiles for rural areas",
            "Faster PDF export of invoices", "Two-factor authentication with authenticator apps", "Bulk edit of shipment statuses",
            "Accessibility audit of the booking form", "Keyboard shortcuts in the editor", "Carbon footprint per delivered parcel",
            "Webhooks for order status changes", "Estimated arrival times on the tracking page", "Driver shift planning",
            "Dark mode for the dashboard", "Customs paperwork for cross-border loads", "Fuel card reconciliation",
            "Temperature alerts for cold-chain cargo", "Invoice disputes inbox", "Proof of delivery photos");

    @Autowired
    TextIndex index;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    long workspace;
    long other;

    @BeforeEach
    void workspaces() {
        workspace = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        other = workspace + 1;
        assertThat(eventually(Duration.ofSeconds(30), index::ready)).as("the index is ready").isTrue();
    }

    private void put(long ws, String id, String title, String body) {
        tx.executeWithoutResult(s -> index.index(new TextDoc(KIND, ws, id, title, body)));
    }

    private List<String> ids(List<Match> matches) {
        return matches.stream().map(Match::id).toList();
    }

    @Test
    void findsAParaphraseThatSharesNoWordAndNeverAnotherWorkspacesDocument() {
        for (int i = 0; i < ROADMAP.size(); i++) {
            put(workspace, "r" + i, ROADMAP.get(i), "");
            put(other, "o" + i, ROADMAP.get(i), "");
        }
        put(workspace, "mine", "Let third-party sellers list their goods on our storefront", "");
        put(other, "theirs", "Let third-party sellers list their goods on our storefront!", "");

        List<Match> found = index.similar(workspace, KIND, "We will not become a marketplace", 5);
        assertThat(found.get(0).id()).isEqualTo("mine");
        assertThat(found.get(0).evidence().sharedTerms()).isEmpty();

        // the same query and a query in the other workspace's exact words: never a document of the other
        List<Match> all = new ArrayList<>(index.similar(workspace, KIND, "We will not become a marketplace", 100));
        all.addAll(index.similar(workspace, KIND, "Let third-party sellers list their goods on our storefront!", 100));
        assertThat(ids(all)).isNotEmpty().allMatch(id -> id.equals("mine") || id.startsWith("r"));
        assertThat(ids(index.similar(other, KIND, "third-party sellers", 100))).contains("theirs").allMatch(id -> id.equals("theirs")
                || id.startsWith("o"));
        // and another kind in the same workspace is another index
        assertThat(index.similar(workspace, "feedback", "third-party sellers", 10)).isEmpty();
    }

    @Test
    void scoresAreThePairScorersOnTheSameTexts() {
        put(workspace, "a", "Loyalty card with tiers for frequent buyers", "");
        put(workspace, "b", "Theme settings", "Users can switch the dashboard to dark mode or a high-contrast theme.");
        put(workspace, "c", "", "");
        String statement = "We will not run a loyalty programme";
        List<Match> compared = index.compare(workspace, KIND, statement, List.of("a", "b", "c", "missing"));
        assertThat(ids(compared)).containsExactlyInAnyOrder("a", "b", "c");
        for (Match m : compared) {
            PairScore expected = switch (m.id()) {
                case "a" -> PairScorer.get().score(statement, "Loyalty card with tiers for frequent buyers", "");
                case "b" -> PairScorer.get().score(statement, "Theme settings",
                        "Users can switch the dashboard to dark mode or a high-contrast theme.");
                default -> PairScorer.get().score(statement, "", "");
            };
            assertThat(m.score()).as(m.id()).isEqualTo(expected.score());
            assertThat(m.evidence()).as(m.id()).isEqualTo(expected.evidence());
        }
        Match a = index.similar(workspace, KIND, statement, 1).get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.score()).isEqualTo(compared.stream().filter(m -> m.id().equals("a")).findFirst().orElseThrow().score());
        assertThat(a.evidence().sharedTerms()).containsExactly("Loyalty");
    }

    @Test
    void aRemovedDocumentOrWorkspaceIsGone() {
        put(workspace, "x", "Self-hosted installer for customer data centres", "");
        put(workspace, "y", "On-premise edition for a regional bank", "");
        assertThat(ids(index.similar(workspace, KIND, "No on-premise deployment", 10))).containsExactlyInAnyOrder("x", "y");
        tx.executeWithoutResult(s -> index.remove(KIND, workspace, "y"));
        assertThat(ids(index.similar(workspace, KIND, "No on-premise deployment", 10))).containsExactly("x");
        tx.executeWithoutResult(s -> index.removeWorkspace(workspace));
        assertThat(index.similar(workspace, KIND, "No on-premise deployment", 10)).isEmpty();
        assertThat(index.compare(workspace, KIND, "No on-premise deployment", List.of("x"))).isEmpty();
    }

    @Test
    void aWriteThatRollsBackLeavesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            index.index(new TextDoc(KIND, workspace, "z", "Crypto wallet payments at checkout", ""));
            throw new IllegalStateException("the owner's write failed");
        })).hasMessageContaining("failed");
        assertThat(index.similar(workspace, KIND, "No cryptocurrency payments", 10)).isEmpty();
        assertThat(jdbc.sql("select count(*) from text_document where workspace_id = :ws").param("ws", workspace).query(Long.class).single())
                .isZero();
    }

    @Test
    void aChangeWrittenByAnotherNodeIsAppliedWithoutASignal() {
        put(workspace, "seen", "Driver shift planning", "");
        // another node's committed write whose notification never arrived: only the change log tells
        String title = "Accept Bitcoin and Ether at checkout";
        var vectors = Models.embed(Passages.of(title, ""));
        jdbc.sql("""
                insert into text_document (workspace_id, kind, doc_id, title, body, content_hash, model, passages, vectors, updated_at)
                values (:ws, :kind, 'elsewhere', :title, '', :hash, :model, 1, :vectors, :now)""")
                .param("ws", workspace).param("kind", KIND).param("title", title).param("hash", TextStore.hash(title, ""))
                .param("model", Models.model().id).param("vectors", Vectors.toBytes(vectors.get(0))).param("now", OffsetDateTime.now())
                .update();
        jdbc.sql("insert into text_change (workspace_id, kind, doc_id, changed_at) values (:ws, :kind, 'elsewhere', :now)")
                .param("ws", workspace).param("kind", KIND).param("now", OffsetDateTime.now()).update();
        assertThat(eventually(Duration.ofSeconds(15), () -> index.ready()
                && ids(index.similar(workspace, KIND, "No cryptocurrency payments", 5)).contains("elsewhere"))).isTrue();
        assertThat(index.status().appliedChange()).isEqualTo(index.status().latestChange());
    }

    @Test
    void anyTextIsAcceptedAndNothingEscapes() {
        String megabyte = "Route planning for refrigerated trucks. ".repeat(26_000);
        put(workspace, "huge", "Cold chain", megabyte);
        put(workspace, "empty", "", "");
        put(workspace, "blank", "   \t\n ", "\u0000\u0007");
        put(workspace, "chinese", "冷链运输的温度警报", "当货物温度超过阈值时通知司机。");
        put(workspace, "arabic", "تنبيهات درجة الحرارة للشحنات المبردة", "");
        put(workspace, "emoji", "🚚 Delivery tracking 📦✨", "👍🏽👨‍👩‍👧");
        put(workspace, "control", "Fuel\u0000card\u001Breconciliation\u0007", "line\u2028separator\uFFFF");

        assertThat(ids(index.similar(workspace, KIND, "Cold chain route planning", 3))).contains("huge");
        assertThat(index.similar(workspace, KIND, "冷链运输的温度警报", 1).get(0).id()).isEqualTo("chinese");
        assertThat(index.similar(workspace, KIND, "تنبيهات درجة الحرارة للشحنات المبردة", 1).get(0).id()).isEqualTo("arabic");
        assertThat(index.similar(workspace, KIND, "🚚 Delivery tracking 📦", 1).get(0).id()).isEqualTo("emoji");
        assertThat(index.similar(workspace, KIND, "fuel card reconciliation", 1).get(0).id()).isEqualTo("control");
        assertThat(index.similar(workspace, KIND, "", 5)).isEmpty();
        assertThat(index.similar(workspace, KIND, "\u0000 \n", 5)).isEmpty();
        assertThat(index.similar(workspace, KIND, "We will not", 0)).isEmpty();
        assertThat(index.compare(workspace, KIND, "", List.of("empty", "huge"))).allMatch(m -> m.score() == 0);
        assertThat(index.compare(workspace, KIND, "anything", List.of("empty", "blank"))).allMatch(m -> m.score() == 0);
        assertThat(index.status().state()).isEqualTo(IndexStatus.State.READY);
        assertThatThrownBy(() -> index.index(new TextDoc("", workspace, "x", "t", ""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.index(new TextDoc(KIND, workspace, "", "t", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRebuildFromTheDatabaseGivesTheSameAnswers() {
        for (int i = 0; i < ROADMAP.size(); i++) {
            put(workspace, "r" + i, ROADMAP.get(i), "");
        }
        List<Match> before = index.similar(workspace, KIND, "We will not build a temperature monitoring product", 5);
        List<long[]> progress = new ArrayList<>();
        RebuildReport report = index.rebuild((done, total) -> progress.add(new long[] {done, total}));
        assertThat(report.documents()).isGreaterThanOrEqualTo(ROADMAP.size());
        assertThat(progress).isNotEmpty();
        assertThat(index.ready()).isTrue();
        assertThat(index.similar(workspace, KIND, "We will not build a temperature monitoring product", 5)).isEqualTo(before);
    }

    static boolean eventually(Duration limit, BooleanSupplier check) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
