package app.truenorth.support;

import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;

/**
 * A populated workspace for security tests: an owner, one member of each other role, a product, an
 * open invitation, and API tokens. {@link #id(String)} maps the name of a path variable or id
 * parameter to the id of this workspace's thing of that kind.
 *
 * @param ownerToken    a token the owner calls the API with
 * @param ownerTokenId  another token of the owner, for endpoints that take a token id
 * @param shareLinkId   a live share link of the product, and {@code shareToken} the token in its address
 * @param exportJobId   a finished background export of the product, started by the owner
 */
public record Tenant(Fixtures.Person owner, Fixtures.Person editor, Fixtures.Person contributor, Fixtures.Person viewer,
        Products.Product product, long invitationId, String ownerToken, long ownerTokenId, long shareLinkId, String shareToken, String exportJobId) {

    public static Tenant create(Fixtures fixtures, Invitations invitations, ApiTokens tokens) {
        var owner = fixtures.owner();
        var editor = fixtures.member(owner, Role.EDITOR);
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        var viewer = fixtures.member(owner, Role.VIEWER);
        var product = fixtures.product(owner, "Tenant product");
        long invitationId = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "open invitation")
                .invitation().id();
        String ownerToken = fixtures.token(owner);
        long targetToken = tokens.create(owner.userId(), owner.workspaceId(), "target token").token().id();
        var link = fixtures.shareLink(owner, product.id());
        return new Tenant(owner, editor, contributor, viewer, product, invitationId, ownerToken, targetToken, link.link().id(),
                link.token(), fixtures.exportJob(owner, product.id()));
    }

    public long workspaceId() {
        return owner.workspaceId();
    }

    public Fixtures.Person as(Role role) {
        return switch (role) {
            case OWNER -> owner;
            case EDITOR -> editor;
            case CONTRIBUTOR -> contributor;
            case VIEWER -> viewer;
        };
    }

    /**
     * The id of this workspace's thing that a path variable or id parameter of that name points at.
     * Throws for a name it does not know: a new kind of id must be added here consciously, so the
     * isolation and role tests cover it.
     */
    public String id(String variable) {
        return switch (variable) {
            case "productId" -> String.valueOf(product.id());
            // a member who is not the owner, so "last owner" rules cannot hide a missing scope check
            case "userId" -> String.valueOf(editor.userId());
            case "invitationId" -> String.valueOf(invitationId);
            case "tokenId" -> String.valueOf(ownerTokenId);
            case "workspaceId" -> String.valueOf(workspaceId());
            case "linkId" -> String.valueOf(shareLinkId);
            // a share link's token: the link itself is the capability, like an invitation's secret
            case "token" -> shareToken;
            case "jobId" -> exportJobId;
            default -> throw new IllegalStateException("No id for the path variable or parameter '" + variable
                    + "'. Teach app.truenorth.support.Tenant#id which thing of a workspace it names (create one in "
                    + "Tenant.create), so tenant isolation and role checks cover the new endpoint.");
        };
    }
}
