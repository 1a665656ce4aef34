/**
 * Users, workspaces, members and their roles, products, invitations and personal API tokens; and
 * {@link app.truenorth.workspace.WorkspaceAccess}, which every other module uses to scope a request to
 * the caller's workspace and check their role.
 */
@ApplicationModule(allowedDependencies = "platform")
package app.truenorth.workspace;

import org.springframework.modulith.ApplicationModule;
