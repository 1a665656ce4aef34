package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void permissionsNarrowFromOwnerToViewer() {
        assertThat(Role.OWNER.allows(Permission.ADMIN)).isTrue();
        assertThat(Role.EDITOR.allows(Permission.ADMIN)).isFalse();
        assertThat(Role.EDITOR.allows(Permission.EDIT)).isTrue();
        assertThat(Role.CONTRIBUTOR.allows(Permission.EDIT)).isFalse();
        assertThat(Role.CONTRIBUTOR.allows(Permission.CONTRIBUTE)).isTrue();
        assertThat(Role.VIEWER.allows(Permission.CONTRIBUTE)).isFalse();
        for (Role role : Role.values()) {
            assertThat(role.allows(Permission.READ)).as(role.name()).isTrue();
        }
    }
}
