package app.truenorth.workspace.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Pages;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening an invitation link: a new person creates their account; someone already signed in joins
 * with one click.
 */
@Controller
class InviteController {

    private final Invitations invitations;
    private final WorkspaceAccess access;

    InviteController(Invitations invitations, WorkspaceAccess access) {
        this.invitations = invitations;
        this.access = access;
    }

    @GetMapping("/invite/{secret}")
    String open(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(secret, request, response, model, Forms.JoinForm.empty(), FormErrors.none());
    }

    @PostMapping("/invite/{secret}")
    String accept(@PathVariable String secret, @Valid @ModelAttribute("form") Forms.JoinForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = FormErrors.of(binding);
        if (!errors.any()) {
            try {
                invitations.acceptAsNewUser(secret, form.email(), form.displayName(), form.password());
                return "redirect:/login?joined";
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e.fieldErrors());
            } catch (ConflictException e) {
                errors = FormErrors.global(e.getMessage());
            }
        }
        response.setStatus(422);
        return render(secret, request, response, model, new Forms.JoinForm(form.email(), form.displayName(), ""), errors);
    }

    @PostMapping("/invite/{secret}/join")
    String join(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (Callers.find().isEmpty()) {
            return "redirect:/invite/" + secret;
        }
        try {
            var preview = invitations.acceptAsExistingUser(secret, Callers.current().id());
            access.select(preview.workspaceId());
            redirect.addFlashAttribute(ShellFactory.FLASH, "You joined " + preview.workspaceName() + ".");
            return "redirect:/products";
        } catch (ConflictException e) {
            response.setStatus(409);
            return render(secret, request, response, model, Forms.JoinForm.empty(), FormErrors.global(e.getMessage()));
        }
    }

    private String render(String secret, HttpServletRequest request, HttpServletResponse response, Model model,
            Forms.JoinForm form, FormErrors errors) {
        var preview = invitations.preview(secret);
        if (preview.isEmpty()) {
            response.setStatus(404);
        }
        model.addAttribute("shell", Pages.publicShell(request, "Join a workspace"));
        model.addAttribute("secret", secret);
        model.addAttribute("preview", preview.orElse(null));
        model.addAttribute("signedInAs", Callers.find().map(u -> u.displayName()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/invite";
    }
}
