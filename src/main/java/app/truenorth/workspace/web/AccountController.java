package app.truenorth.workspace.web;

import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: password and personal API tokens. */
@Controller
class AccountController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final LinkBuilder links;

    AccountController(Accounts accounts, ApiTokens tokens, WorkspaceAccess access, ShellFactory shells, LinkBuilder links) {
        this.links = links;
        this.accounts = accounts;
        this.tokens = tokens;
        this.access = access;
        this.shells = shells;
    }

    @GetMapping("/account")
    String account(HttpServletRequest request, Model model) {
        return renderAccount(request, model, FormErrors.none());
    }

    @PostMapping("/account/password")
    ModelAndView changePassword(@Valid @ModelAttribute Forms.PasswordForm form, BindingResult binding, HttpServletRequest request,
            Model model) {
        return Submit.of(request, () -> accounts.changePassword(Callers.current().id(), form.currentPassword(), form.newPassword()))
                .refusedBy(binding)
                .redirect("/account", "Your password was changed.")
                .orRender(errors -> renderAccount(request, model, errors));
    }

    @GetMapping("/account/tokens")
    String tokens(HttpServletRequest request, Model model) {
        return renderTokens(request, model, FormErrors.none(), null);
    }

    @PostMapping("/account/tokens")
    ModelAndView createToken(@Valid @ModelAttribute Forms.TokenForm form, BindingResult binding, HttpServletRequest request,
            Model model) {
        return Submit.of(request, () -> tokens.create(Callers.current().id(), access.current().workspaceId(), form.name()))
                .refusedBy(binding)
                // the secret is shown right here, once: it must not rest in the session as a flash
                .show(created -> renderTokens(request, model, FormErrors.none(), created))
                .orRender(errors -> renderTokens(request, model, errors, null));
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long tokenId, RedirectAttributes redirect) {
        var token = tokens.revoke(Callers.current().id(), tokenId);
        redirect.addFlashAttribute(ShellFactory.FLASH, "Revoked " + token.name() + ". It stops working at once.");
        return "redirect:/account/tokens";
    }

    private String renderAccount(HttpServletRequest request, Model model, FormErrors errors) {
        model.addAttribute("shell", shells.workspace(request, "Account", "account"));
        model.addAttribute("user", accounts.find(Callers.current().id()));
        model.addAttribute("errors", errors);
        return "workspace/account";
    }

    private String renderTokens(HttpServletRequest request, Model model, FormErrors errors, ApiTokens.Created created) {
        model.addAttribute("shell", shells.workspace(request, "API tokens", "tokens"));
        model.addAttribute("tokens", tokens.list(Callers.current().id()));
        model.addAttribute("errors", errors);
        if (created != null) {
            model.addAttribute("created", created);
        }
        model.addAttribute("apiBase", links.absolute("/api/v1"));
        return "workspace/tokens";
    }
}
