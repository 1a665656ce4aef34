package app.truenorth.workspace.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Role;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    String invite(@Valid @ModelAttribute Forms.InviteForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var membership = access.require(Permission.ADMIN);
        FormErrors errors = FormErrors.of(binding);
        if (errors.any()) {
            response.setStatus(422);
            return render(request, model, errors, null);
        }
        var created = invitations.create(membership.workspaceId(), Callers.current().id(), form.role(), form.note());
        String link = links.absolute("/invite/" + created.secret());
        return render(request, model, FormErrors.none(), new Forms.InvitationLink(link, created.invitation().role()));
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
    String changeRole(@PathVariable long userId, @Valid @ModelAttribute Forms.RoleForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var membership = access.require(Permission.ADMIN);
        if (binding.hasErrors()) {
            // the role select sits in the member's table row: the message goes above the table
            response.setStatus(422);
            return render(request, model, FormErrors.global(FormErrors.of(binding).get("role")), null);
        }
        Role role = form.role();
        try {
            var member = workspaces.changeRole(membership.workspaceId(), userId, role);
            redirect.addFlashAttribute(ShellFactory.FLASH, member.displayName() + " is now " + role.label().toLowerCase() + ".");
            return "redirect:/workspace/members";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(request, model, FormErrors.global(String.join(" ", e.fieldErrors().values())), null);
        }
    }

    @PostMapping("/workspace/members/{userId}/remove")
    String remove(@PathVariable long userId, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        var membership = access.require(Permission.ADMIN);
        try {
            var member = workspaces.member(membership.workspaceId(), userId);
            workspaces.removeMember(membership.workspaceId(), userId);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Removed " + member.displayName() + " from the workspace.");
            return "redirect:/workspace/members";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(request, model, FormErrors.global(String.join(" ", e.fieldErrors().values())), null);
        }
    }

    @PostMapping("/workspace/switch")
    String switchWorkspace(@RequestParam long workspaceId) {
        access.select(workspaceId);
        return "redirect:/products";
    }

    @PostMapping("/workspaces")
    String createWorkspace(@Valid @ModelAttribute Forms.WorkspaceForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        if (errors.any()) {
            response.setStatus(422);
            return render(request, model, errors, null);
        }
        var workspace = workspaces.create(form.name(), Callers.current().id());
        access.select(workspace.id());
        redirect.addFlashAttribute(ShellFactory.FLASH, "Created workspace " + workspace.name() + ". You are its owner.");
        return "redirect:/products";
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
