package app.truenorth.workspace.web;

import app.truenorth.workspace.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page forms of the workspace module, each validated before anything is written. */
public final class Forms {

    private Forms() {
    }

    public record SetupForm(
            @NotBlank(message = "Enter your email address.") @Email(message = "Enter a valid email address.")
            @Size(max = 254, message = "Use at most 254 characters.") String email,
            @NotBlank(message = "Enter your name.") @Size(max = 100, message = "Use at most 100 characters.") String displayName,
            @NotBlank(message = "Choose a password.") @Size(min = 10, message = "Use at least 10 characters.") String password,
            @NotBlank(message = "Name your workspace, e.g. your company or team.")
            @Size(max = 100, message = "Use at most 100 characters.") String workspaceName) {

        public static SetupForm empty() {
            return new SetupForm("", "", "", "");
        }
    }

    public record JoinForm(
            @NotBlank(message = "Enter your email address.") @Email(message = "Enter a valid email address.")
            @Size(max = 254, message = "Use at most 254 characters.") String email,
            @NotBlank(message = "Enter your name.") @Size(max = 100, message = "Use at most 100 characters.") String displayName,
            @NotBlank(message = "Choose a password.") @Size(min = 10, message = "Use at least 10 characters.") String password) {

        public static JoinForm empty() {
            return new JoinForm("", "", "");
        }
    }

    public record ProductForm(
            @NotBlank(message = "Give the product a name.") @Size(max = 100, message = "Use at most 100 characters.") String name,
            @Size(max = 2000, message = "Use at most 2,000 characters.") String description,
            Integer version) {

        public static ProductForm empty() {
            return new ProductForm("", "", null);
        }
    }

    public record InviteForm(
            @NotNull(message = "Choose the role the new member gets.") Role role,
            @Size(max = 200, message = "Use at most 200 characters.") String note) {
    }

    /** A member's new role, chosen in their row of the member list. */
    public record RoleForm(@NotNull(message = "Choose one of the roles: owner, editor, contributor or viewer.") Role role) {
    }

    public record PasswordForm(
            @NotBlank(message = "Enter your current password.") String currentPassword,
            @NotBlank(message = "Choose a new password.") @Size(min = 10, message = "Use at least 10 characters.") String newPassword) {
    }

    public record TokenForm(
            @NotBlank(message = "Name the token after where you will use it, e.g. \"CI pipeline\".")
            @Size(max = 100, message = "Use at most 100 characters.") String name) {
    }

    public record WorkspaceForm(
            @NotBlank(message = "Name the workspace.") @Size(max = 100, message = "Use at most 100 characters.") String name) {
    }

    /** The link of a fresh invitation, shown once on the page that created it. */
    public record InvitationLink(String link, Role role) {
    }
}
