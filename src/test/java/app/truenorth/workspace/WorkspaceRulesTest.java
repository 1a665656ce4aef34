package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.SecretHasher;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The workspace module's rules, through its services and against the real database (H2 or
 * PostgreSQL, whichever the suite runs on): unique product names, at least one owner, passwords,
 * tokens and invitations. A refused change leaves no trace, not even an audit row.
 */
@IntegrationTest
class WorkspaceRulesTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Products products;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Invitations invitations;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    // --- products

    @Test
    void productNamesAreUniquePerWorkspaceIgnoringCaseAndSpaces() {
        var owner = fixtures.owner();
        var atlas = products.create(owner.workspaceId(), "Atlas", "");
        long audit = auditRows(owner.workspaceId());

        assertThatThrownBy(() -> products.create(owner.workspaceId(), "  ATLAS ", "again"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsEntry("name",
                        "A product named \"ATLAS\" already exists in this workspace."));
        assertThat(products.list(owner.workspaceId())).containsExactly(atlas);
        assertThat(auditRows(owner.workspaceId())).isEqualTo(audit);

        // another workspace may use the name
        var other = fixtures.owner();
        assertThat(products.create(other.workspaceId(), "atlas", "").name()).isEqualTo("atlas");
    }

    @Test
    void aProductCannotBeRenamedToAnotherProductsNameButMayChangeItsOwnCase() {
        var owner = fixtures.owner();
        var atlas = products.create(owner.workspaceId(), "Atlas", "");
        var beacon = products.create(owner.workspaceId(), "Beacon", "");

        assertThatThrownBy(() -> products.update(beacon.id(), "atlas", "", beacon.version()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(products.get(beacon.id())).isEqualTo(beacon);

        var renamed = products.update(atlas.id(), "ATLAS", "", atlas.version());
        assertThat(renamed.name()).isEqualTo("ATLAS");
        assertThat(renamed.version()).isEqualTo(atlas.version() + 1);
        assertThat(products.list(owner.workspaceId())).extracting(Products.Product::name).containsExactly("ATLAS", "Beacon");
    }

    @Test
    void aStaleVersionIsRefusedAndOverwritesNothing() {
        var owner = fixtures.owner();
        var product = products.create(owner.workspaceId(), "Compass", "");
        products.update(product.id(), "Compass 2", "", product.version());
        long audit = auditRows(owner.workspaceId());

        assertThatThrownBy(() -> products.update(product.id(), "Compass X", "", product.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(products.get(product.id()).name()).isEqualTo("Compass 2");
        assertThat(auditRows(owner.workspaceId())).isEqualTo(audit);
    }

    // --- owners and members

    @Test
    void theLastOwnerCanBeNeitherDemotedNorRemoved() {
        var owner = fixtures.owner();
        long audit = auditRows(owner.workspaceId());

        assertThatThrownBy(() -> workspaces.changeRole(owner.workspaceId(), owner.userId(), Role.EDITOR))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsKey("role"));
        assertThatThrownBy(() -> workspaces.removeMember(owner.workspaceId(), owner.userId()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsKey("member"));
        assertThat(workspaces.member(owner.workspaceId(), owner.userId()).role()).isEqualTo(Role.OWNER);
        assertThat(auditRows(owner.workspaceId())).isEqualTo(audit);
        // staying owner is not a demotion
        assertThat(workspaces.changeRole(owner.workspaceId(), owner.userId(), Role.OWNER).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void withASecondOwnerTheFirstMayStepDownAndThenTheSecondIsTheLast() {
        var owner = fixtures.owner();
        var second = fixtures.member(owner, Role.EDITOR);
        workspaces.changeRole(owner.workspaceId(), second.userId(), Role.OWNER);

        assertThat(workspaces.changeRole(owner.workspaceId(), owner.userId(), Role.VIEWER).role()).isEqualTo(Role.VIEWER);
        assertThatThrownBy(() -> workspaces.removeMember(owner.workspaceId(), second.userId()))
                .isInstanceOf(InvalidInputException.class);
        workspaces.removeMember(owner.workspaceId(), owner.userId());
        assertThat(workspaces.members(owner.workspaceId())).extracting(Workspaces.Member::userId).containsExactly(second.userId());
    }

    @Test
    void removingAMemberRevokesTheirTokensForThatWorkspaceOnly() {
        var owner = fixtures.owner();
        var editor = fixtures.member(owner, Role.EDITOR);
        var elsewhere = workspaces.create("Elsewhere", editor.userId());
        var here = tokens.create(editor.userId(), owner.workspaceId(), "here");
        var there = tokens.create(editor.userId(), elsewhere.id(), "there");

        workspaces.removeMember(owner.workspaceId(), editor.userId());

        assertThat(tokens.authenticate(here.secret())).isEmpty();
        assertThat(tokens.get(editor.userId(), here.token().id()).active()).isFalse();
        assertThat(tokens.authenticate(there.secret())).isPresent();
        assertThatThrownBy(() -> workspaces.member(owner.workspaceId(), editor.userId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void membersOfOtherWorkspacesAreNotFound() {
        var a = fixtures.owner();
        var b = fixtures.owner();
        var bEditor = fixtures.member(b, Role.EDITOR);
        assertThatThrownBy(() -> workspaces.changeRole(a.workspaceId(), bEditor.userId(), Role.VIEWER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workspaces.removeMember(a.workspaceId(), bEditor.userId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(workspaces.member(b.workspaceId(), bEditor.userId()).role()).isEqualTo(Role.EDITOR);
    }

    @Test
    void aStaleWorkspaceRenameIsRefused() {
        var owner = fixtures.owner();
        var workspace = workspaces.find(owner.workspaceId());
        workspaces.rename(owner.workspaceId(), "Renamed once", workspace.version());
        assertThatThrownBy(() -> workspaces.rename(owner.workspaceId(), "Renamed twice", workspace.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(workspaces.find(owner.workspaceId()).name()).isEqualTo("Renamed once");
    }

    // --- accounts and passwords

    @Test
    void emailsAreUniqueIgnoringCase() {
        var owner = fixtures.owner();
        assertThatThrownBy(() -> accounts.createUser("  " + owner.email().toUpperCase() + " ", "Twin", Fixtures.PASSWORD))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsKey("email"));
    }

    @Test
    void aPasswordOfExactly72BytesWorksInFull() {
        String password = "€".repeat(23) + "abc"; // 69 + 3 bytes
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        var user = accounts.createUser("bytes-" + System.nanoTime() + "@example.com", "Bytes", password);
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", user.id())
                .query(String.class).single();
        assertThat(hash).doesNotContain(password).startsWith("{bcrypt}");
        assertThat(encoder.matches(password, hash)).isTrue();
        // the last byte counts: nothing was cut off
        assertThat(encoder.matches("€".repeat(23) + "abd", hash)).isFalse();
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndFollowsTheRules() {
        var owner = fixtures.owner();
        String hashBefore = passwordHash(owner.userId());

        assertThatThrownBy(() -> accounts.changePassword(owner.userId(), "not-the-password", "a-new-password"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsKey("currentPassword"));
        assertThatThrownBy(() -> accounts.changePassword(owner.userId(), Fixtures.PASSWORD, "€".repeat(25)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsKey("newPassword"));
        assertThatThrownBy(() -> accounts.changePassword(owner.userId(), Fixtures.PASSWORD, Fixtures.PASSWORD))
                .isInstanceOf(InvalidInputException.class);
        assertThat(passwordHash(owner.userId())).isEqualTo(hashBefore);

        accounts.changePassword(owner.userId(), Fixtures.PASSWORD, "a-new-password");
        assertThat(encoder.matches("a-new-password", passwordHash(owner.userId()))).isTrue();
    }

    // --- API tokens

    @Test
    void aTokenIsStoredAsItsHashAndRevokedOnlyByItsOwner() {
        var owner = fixtures.owner();
        var editor = fixtures.member(owner, Role.EDITOR);
        var created = tokens.create(owner.userId(), owner.workspaceId(), "CLI");
        String stored = jdbc.sql("select token_hash from api_token where id = :id").param("id", created.token().id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(SecretHasher.hash(created.secret())).doesNotContain(created.secret());
        assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 9));

        assertThatThrownBy(() -> tokens.revoke(editor.userId(), created.token().id())).isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(created.secret())).isPresent();

        long audit = auditRows(owner.workspaceId());
        tokens.revoke(owner.userId(), created.token().id());
        tokens.revoke(owner.userId(), created.token().id()); // twice is harmless and recorded once
        assertThat(auditRows(owner.workspaceId())).isEqualTo(audit + 1);
        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }

    @Test
    void malformedTokensAuthenticateNobody() {
        var owner = fixtures.owner();
        String secret = tokens.create(owner.userId(), owner.workspaceId(), "CLI").secret();
        assertThat(tokens.authenticate(secret)).get().extracting(u -> u.tokenWorkspaceId()).isEqualTo(owner.workspaceId());
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(secret.substring(3))).isEmpty();
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
        assertThat(tokens.authenticate(secret + "x".repeat(200))).isEmpty();
        assertThat(tokens.authenticate("tn_' or '1'='1")).isEmpty();
    }

    // --- invitations

    @Test
    void anInvitationWorksOnceAndASecondUseCreatesNoAccount() {
        var owner = fixtures.owner();
        String secret = invitations.create(owner.workspaceId(), owner.userId(), Role.VIEWER, "").secret();
        invitations.acceptAsNewUser(secret, "first-" + System.nanoTime() + "@example.com", "First", Fixtures.PASSWORD);

        String second = "second-" + System.nanoTime() + "@example.com";
        assertThatThrownBy(() -> invitations.acceptAsNewUser(secret, second, "Second", Fixtures.PASSWORD))
                .isInstanceOf(ConflictException.class);
        assertThat(accounts.findByEmail(second)).isEmpty();
        assertThat(workspaces.members(owner.workspaceId())).hasSize(2);
        assertThat(invitations.preview(secret)).isEmpty();
    }

    @Test
    void aFailedAcceptanceLeavesTheInvitationUsable() {
        var owner = fixtures.owner();
        String secret = invitations.create(owner.workspaceId(), owner.userId(), Role.VIEWER, "").secret();
        // the email is taken: the account is refused, and the half-made membership must not remain
        assertThatThrownBy(() -> invitations.acceptAsNewUser(secret, owner.email(), "Twin", Fixtures.PASSWORD))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> invitations.acceptAsExistingUser(secret, owner.userId()))
                .isInstanceOf(ConflictException.class);
        assertThat(invitations.preview(secret)).isPresent();
        assertThat(workspaces.members(owner.workspaceId())).hasSize(1);
    }

    @Test
    void aRevokedInvitationCannotBeUsedAndOnlyItsWorkspaceCanRevokeIt() {
        var owner = fixtures.owner();
        var other = fixtures.owner();
        var created = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "for Kim");

        assertThatThrownBy(() -> invitations.revoke(other.workspaceId(), created.invitation().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(invitations.preview(created.secret())).isPresent();

        invitations.revoke(owner.workspaceId(), created.invitation().id());
        assertThat(invitations.preview(created.secret())).isEmpty();
        assertThat(invitations.pending(owner.workspaceId())).isEmpty();
        assertThatThrownBy(() -> invitations.revoke(owner.workspaceId(), created.invitation().id()))
                .isInstanceOf(ConflictException.class);
        String email = "kim-" + System.nanoTime() + "@example.com";
        assertThatThrownBy(() -> invitations.acceptAsNewUser(created.secret(), email, "Kim", Fixtures.PASSWORD))
                .isInstanceOf(ConflictException.class);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    private static Map<String, String> fields(Throwable e) {
        return ((InvalidInputException) e).fieldErrors();
    }

    private long auditRows(long workspaceId) {
        return jdbc.sql("select count(*) from audit_event where workspace_id = :ws").param("ws", workspaceId)
                .query(Long.class).single();
    }

    private String passwordHash(long userId) {
        return jdbc.sql("select password_hash from app_user where id = :id").param("id", userId).query(String.class).single();
    }
}
