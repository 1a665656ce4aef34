package app.truenorth.workspace.web;

import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Pages;
import app.truenorth.platform.web.Submit;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

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
    ModelAndView open(@PathVariable String secret, HttpServletRequest request, Model model) {
        return usable(secret, new ModelAndView(render(secret, request, model, Forms.JoinForm.empty(), FormErrors.none())));
    }

    @PostMapping("/invite/{secret}")
    ModelAndView accept(@PathVariable String secret, @Valid @ModelAttribute("form") Forms.JoinForm form, BindingResult binding,
            HttpServletRequest request, Model model) {
        return usable(secret, Submit.of(request, () -> invitations.acceptAsNewUser(secret, form.email(), form.displayName(), form.password()))
                .refusedBy(binding)
                .redirect("/login?joined", null)
                // the password is never shown back
                .orRender(errors -> render(secret, request, model, new Forms.JoinForm(form.email(), form.displayName(), ""), errors)));
    }

    @PostMapping("/invite/{secret}/join")
    ModelAndView join(@PathVariable String secret, HttpServletRequest request, Model model) {
        if (Callers.find().isEmpty()) {
            return new ModelAndView("redirect:/invite/" + secret);
        }
        return usable(secret, Submit.of(request, () -> {
                    var preview = invitations.acceptAsExistingUser(secret, Callers.current().id());
                    access.select(preview.workspaceId());
                    return preview;
                })
                .redirect(preview -> "/products", preview -> "You joined " + preview.workspaceName() + ".")
                .orRender(errors -> render(secret, request, model, Forms.JoinForm.empty(), errors)));
    }

    /** A link that can no longer be used (expired, revoked, used) is "not found", whatever was posted to it. */
    private ModelAndView usable(String secret, ModelAndView answer) {
        boolean redirect = !answer.isReference() || answer.getViewName().startsWith("redirect:");
        if (!redirect && invitations.preview(secret).isEmpty()) {
            answer.setStatus(HttpStatus.NOT_FOUND);
        }
        return answer;
    }

    private String render(String secret, HttpServletRequest request, Model model, Forms.JoinForm form, FormErrors errors) {
        var preview = invitations.preview(secret);
        model.addAttribute("shell", Pages.publicShell(request, "Join a workspace"));
        model.addAttribute("secret", secret);
        model.addAttribute("preview", preview.orElse(null));
        model.addAttribute("signedInAs", Callers.find().map(u -> u.displayName()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/invite";
    }
}
