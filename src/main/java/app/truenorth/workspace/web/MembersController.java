package app.truenorth.workspace.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Role;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members, roles, invitation links, switching and creating workspaces, and the audit log. */
@Controller
class MembersController {

    private final WorkspaceAccess access;
    private final Workspaces workspaces;
    private final Invitations invitations;
    private final ShellFactory shells;
    private final AuditLog audit;
    private final LinkBuilder links;

    MembersController(WorkspaceAccess access, Workspaces workspaces, Invitations invitations, ShellFactory shells, AuditLog audit,
            LinkBuilder links) {
        this.links = links;
        this.access = access;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.shells = shells;
        this.audit = audit;
    }

    @GetMapping("/workspace/members")
    String members(HttpServletRequest request, Model model) {
        return render(request, model, FormErrors.none(), null);
    }

    @PostMapping("/workspace/invitations")
    ModelAndView invite(@Valid @ModelAttribute Forms.InviteForm form, BindingResult binding, HttpServletRequest request, Model model) {
        var membership = access.require(Permission.ADMIN);
        return Submit.of(request, () -> invitations.create(membership.workspaceId(), Callers.current().id(), form.role(), form.note()))
                .refusedBy(binding)
                // the link is shown right here, once: it must not rest in the session as a flash
                .show(created -> render(request, model, FormErrors.none(), new Forms.InvitationLink(
                        links.absolute("/invite/" + created.secret()), created.invitation().role())))
                .orRender(errors -> render(request, model, errors, null));
    }

    @PostMapping("/workspace/invitations/{invitationId}/revoke")
    String revoke(@PathVariable long invitationId, RedirectAttributes redirect) {
        var membership = access.require(Permission.ADMIN);
        try {
            invitations.revoke(membership.workspaceId(), invitationId);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Invitation revoked; its link no longer works.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute(ShellFactory.FLASH, e.getMessage());
        }
        return "redirect:/workspace/members";
    }

    @PostMapping("/workspace/members/{userId}/role")
    ModelAndView changeRole(@PathVariable long userId, @Valid @ModelAttribute Forms.RoleForm form, BindingResult binding,
            HttpServletRequest request, Model model) {
        var membership = access.require(Permission.ADMIN);
        return Submit.of(request, () -> workspaces.changeRole(membership.workspaceId(), userId, form.role()))
                .refusedBy(binding)
                .redirect(member -> "/workspace/members",
                        member -> member.displayName() + " is now " + form.role().label().toLowerCase() + ".")
                // the role select sits in the member's table row: the message goes above the table
                .orRender(errors -> render(request, model, errors.asGlobal(), null));
    }

    @PostMapping("/workspace/members/{userId}/remove")
    ModelAndView remove(@PathVariable long userId, HttpServletRequest request, Model model) {
        var membership = access.require(Permission.ADMIN);
        return Submit.of(request, () -> {
                    var member = workspaces.member(membership.workspaceId(), userId);
                    workspaces.removeMember(membership.workspaceId(), userId);
                    return member;
                })
                .redirect(member -> "/workspace/members", member -> "Removed " + member.displayName() + " from the workspace.")
                .orRender(errors -> render(request, model, errors.asGlobal(), null));
    }

    @PostMapping("/workspace/switch")
    String switchWorkspace(@RequestParam long workspaceId) {
        access.select(workspaceId);
        return "redirect:/products";
    }

    @PostMapping("/workspaces")
    ModelAndView createWorkspace(@Valid @ModelAttribute Forms.WorkspaceForm form, BindingResult binding, HttpServletRequest request,
            Model model) {
        return Submit.of(request, () -> {
                    var workspace = workspaces.create(form.name(), Callers.current().id());
                    access.select(workspace.id());
                    return workspace;
                })
                .refusedBy(binding)
                .redirect(workspace -> "/products", workspace -> "Created workspace " + workspace.name() + ". You are its owner.")
                .orRender(errors -> render(request, model, errors, null));
    }

    @GetMapping("/workspace/audit")
    String auditLog(@RequestParam(defaultValue = "") String type, HttpServletRequest request, Model model) {
        var membership = access.require(Permission.EDIT);
        model.addAttribute("shell", shells.workspace(request, "Audit log", "audit"));
        model.addAttribute("entries", audit.recent(membership.workspaceId(), type, 200));
        model.addAttribute("type", type);
        return "workspace/audit";
    }

    private String render(HttpServletRequest request, Model model, FormErrors errors, Forms.InvitationLink created) {
        var membership = access.current();
        model.addAttribute("shell", shells.workspace(request, "Members", "members"));
        model.addAttribute("members", workspaces.members(membership.workspaceId()));
        model.addAttribute("invitations", membership.can(Permission.ADMIN)
                ? invitations.pending(membership.workspaceId()) : java.util.List.of());
        model.addAttribute("roles", Role.values());
        model.addAttribute("me", Callers.current().id());
        model.addAttribute("errors", errors);
        if (created != null) {
            model.addAttribute("created", created);
        }
        return "workspace/members";
    }
}
