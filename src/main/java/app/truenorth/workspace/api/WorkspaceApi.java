package app.truenorth.workspace.api;

import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditEntry;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import app.truenorth.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the workspace module under {@code /api/v1}. Every call acts in the workspace of the
 * caller's token, with the caller's role there.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Workspace", description = "The caller, products, members, invitations, API tokens and the audit log")
@SecurityRequirement(name = "bearer")
class WorkspaceApi {

    private final WorkspaceAccess access;
    private final Products products;
    private final Workspaces workspaces;
    private final Invitations invitations;
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final AuditLog audit;
    private final LinkBuilder links;

    WorkspaceApi(WorkspaceAccess access, Products products, Workspaces workspaces, Invitations invitations, ApiTokens tokens,
            Accounts accounts, AuditLog audit, LinkBuilder links) {
        this.links = links;
        this.access = access;
        this.products = products;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
    }

    record MeView(long id, String email, String displayName, WorkspaceView workspace) {
    }

    record WorkspaceView(long id, String name, Role role) {
    }

    record ProductView(long id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            int version) {

        static ProductView of(Products.Product p) {
            return new ProductView(p.id(), p.name(), p.description(), p.createdAt(), p.updatedAt(), p.version());
        }
    }

    record NewProduct(
            @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
            @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    record ProductUpdate(
            @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Min(value = 0, message = "must be zero or more") Integer version) {
    }

    record MemberView(long userId, String email, String displayName, Role role, OffsetDateTime joinedAt) {

        static MemberView of(Workspaces.Member m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role(), m.joinedAt());
        }
    }

    record RoleChange(@NotNull(message = "must be one of OWNER, EDITOR, CONTRIBUTOR, VIEWER") Role role) {
    }

    record NewInvitation(@NotNull(message = "must be one of OWNER, EDITOR, CONTRIBUTOR, VIEWER") Role role,
            @Size(max = 200, message = "must be at most 200 characters") String note) {
    }

    record InvitationView(long id, Role role, String note, String invitedBy, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            String link) {

        static InvitationView of(Invitations.Invitation i, String link) {
            return new InvitationView(i.id(), i.role(), i.note(), i.invitedBy(), i.createdAt(), i.expiresAt(), link);
        }
    }

    record NewToken(@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String name) {
    }

    record TokenView(long id, String name, String prefix, long workspaceId, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt, String secret) {

        static TokenView of(ApiTokens.Token t, String secret) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.workspaceId(), t.createdAt(), t.lastUsedAt(), t.revokedAt(), secret);
        }
    }

    @GetMapping("/me")
    @Operation(summary = "The caller and the workspace their token reaches")
    MeView me() {
        var caller = Callers.current();
        var membership = access.current();
        var user = accounts.find(caller.id());
        return new MeView(user.id(), user.email(), user.displayName(),
                new WorkspaceView(membership.workspaceId(), membership.workspaceName(), membership.role()));
    }

    @GetMapping("/products")
    @Operation(summary = "Products of the workspace")
    List<ProductView> listProducts() {
        return products.list(access.current().workspaceId()).stream().map(ProductView::of).toList();
    }

    @PostMapping("/products")
    @Operation(summary = "Create a product (owner or editor)")
    ResponseEntity<ProductView> createProduct(@Valid @RequestBody NewProduct body) {
        var membership = access.require(Permission.EDIT);
        var product = products.create(membership.workspaceId(), body.name(), body.description());
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id()))
                .eTag(Versioned.etag(product.id(), product.version()))
                .body(ProductView.of(product));
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "One product, with its version as ETag")
    ResponseEntity<ProductView> getProduct(ProductAccess readable) {
        var product = products.get(readable.productId());
        return ResponseEntity.ok().eTag(Versioned.etag(product.id(), product.version())).body(ProductView.of(product));
    }

    @PutMapping("/products/{productId}")
    @Operation(summary = "Rename or re-describe a product",
            description = "Send the version you read, as If-Match (the ETag) or as the 'version' field. "
                    + "A stale version is refused with 412 (If-Match) or 409 (field), a missing one with 428; nothing is overwritten.")
    ResponseEntity<ProductView> updateProduct(@Needs(Permission.EDIT) ProductAccess product, @Valid @RequestBody ProductUpdate body,
            VersionedWrite write) {
        long productId = product.productId();
        var saved = write.run(productId, body.version(), version -> products.update(productId, body.name(), body.description(), version));
        return ResponseEntity.ok().eTag(Versioned.etag(saved.id(), saved.version())).body(ProductView.of(saved));
    }

    @GetMapping("/members")
    @Operation(summary = "Members of the workspace and their roles")
    List<MemberView> members() {
        return workspaces.members(access.current().workspaceId()).stream().map(MemberView::of).toList();
    }

    @PatchMapping("/members/{userId}")
    @Operation(summary = "Change a member's role (owner)")
    MemberView changeRole(@PathVariable long userId, @Valid @RequestBody RoleChange body) {
        var membership = access.require(Permission.ADMIN);
        return MemberView.of(workspaces.changeRole(membership.workspaceId(), userId, body.role()));
    }

    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (owner); their tokens for this workspace stop working")
    void removeMember(@PathVariable long userId) {
        var membership = access.require(Permission.ADMIN);
        workspaces.removeMember(membership.workspaceId(), userId);
    }

    @GetMapping("/invitations")
    @Operation(summary = "Open invitations (owner)")
    List<InvitationView> invitations() {
        var membership = access.require(Permission.ADMIN);
        return invitations.pending(membership.workspaceId()).stream().map(i -> InvitationView.of(i, null)).toList();
    }

    @PostMapping("/invitations")
    @Operation(summary = "Create an invitation link (owner); the link is returned once")
    ResponseEntity<InvitationView> invite(@Valid @RequestBody NewInvitation body) {
        var membership = access.require(Permission.ADMIN);
        var created = invitations.create(membership.workspaceId(), Callers.current().id(), body.role(), body.note());
        String link = links.absolute("/invite/" + created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(InvitationView.of(created.invitation(), link));
    }

    @DeleteMapping("/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an invitation (owner)")
    void revokeInvitation(@PathVariable long invitationId) {
        var membership = access.require(Permission.ADMIN);
        invitations.revoke(membership.workspaceId(), invitationId);
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's API tokens (never their secrets)")
    List<TokenView> tokens() {
        return tokens.list(Callers.current().id()).stream().map(t -> TokenView.of(t, null)).toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "Create an API token for this workspace; the secret is returned once")
    ResponseEntity<TokenView> createToken(@Valid @RequestBody NewToken body) {
        var created = tokens.create(Callers.current().id(), access.current().workspaceId(), body.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(TokenView.of(created.token(), created.secret()));
    }

    @DeleteMapping("/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revokeToken(@PathVariable long tokenId) {
        tokens.revoke(Callers.current().id(), tokenId);
    }

    @GetMapping("/audit")
    @Operation(summary = "The workspace's audit trail, newest first (owner or editor)")
    List<AuditEntry> audit(@RequestParam(defaultValue = "") @Size(max = 100) String type,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        var membership = access.require(Permission.EDIT);
        return audit.recent(membership.workspaceId(), type, limit);
    }
}
