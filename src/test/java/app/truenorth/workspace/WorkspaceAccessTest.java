package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Memberships are read once per request, and a change made during the request is seen at once. */
@IntegrationTest
class WorkspaceAccessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    WorkspaceAccess access;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Products products;

    @BeforeEach
    void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void requestDone() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void changesToMembershipsWithinARequestAreSeenByTheRestOfIt() {
        var owner = fixtures.owner();
        var member = fixtures.member(owner, Role.VIEWER);
        assertThat(access.memberships(member.userId())).extracting(WorkspaceAccess.Membership::role).containsExactly(Role.VIEWER);

        workspaces.changeRole(owner.workspaceId(), member.userId(), Role.EDITOR);
        assertThat(access.memberships(member.userId())).extracting(WorkspaceAccess.Membership::role).containsExactly(Role.EDITOR);

        workspaces.rename(owner.workspaceId(), "Renamed", workspaces.find(owner.workspaceId()).version());
        assertThat(access.memberships(member.userId())).extracting(WorkspaceAccess.Membership::workspaceName).containsExactly("Renamed");

        workspaces.removeMember(owner.workspaceId(), member.userId());
        assertThat(access.memberships(member.userId())).isEmpty();
    }

    @Test
    void productAccessFollowsRenamesRoleChangesAndRemovalWithinARequest() {
        var owner = fixtures.owner();
        var member = fixtures.member(owner, Role.VIEWER);
        var product = fixtures.product(owner, "Compass");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        member.principal(), null, member.principal().getAuthorities()));
        try {
            assertThat(access.product(product.id(), Permission.READ).role()).isEqualTo(Role.VIEWER);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.product(product.id(), Permission.EDIT))
                    .isInstanceOf(app.truenorth.platform.ForbiddenException.class);

            products.update(product.id(), "Compass Next", "", product.version());
            workspaces.changeRole(owner.workspaceId(), member.userId(), Role.EDITOR);
            var changed = access.product(product.id(), Permission.EDIT);
            assertThat(changed.productName()).isEqualTo("Compass Next");
            assertThat(changed.role()).isEqualTo(Role.EDITOR);

            workspaces.removeMember(owner.workspaceId(), member.userId());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.product(product.id(), Permission.READ))
                    .isInstanceOf(app.truenorth.platform.NotFoundException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.product(Long.MAX_VALUE, Permission.READ))
                    .isInstanceOf(app.truenorth.platform.NotFoundException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
