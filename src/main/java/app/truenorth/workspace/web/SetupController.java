package app.truenorth.workspace.web;

import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Pages;
import app.truenorth.platform.web.Submit;
import app.truenorth.workspace.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** First run: create the owner and their workspace; then sign-in. */
@Controller
class SetupController {

    private final Accounts accounts;

    SetupController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/products";
    }

    @GetMapping("/setup")
    String setupPage(HttpServletRequest request, Model model) {
        if (!accounts.setupNeeded()) {
            return "redirect:/login";
        }
        return render(request, model, Forms.SetupForm.empty(), FormErrors.none());
    }

    @PostMapping("/setup")
    ModelAndView setUp(@Valid @ModelAttribute("form") Forms.SetupForm form, BindingResult binding, HttpServletRequest request,
            Model model) {
        if (!accounts.setupNeeded()) {
            return new ModelAndView("redirect:/login");
        }
        return Submit.of(request, () -> accounts.setUp(form.email(), form.displayName(), form.password(), form.workspaceName()))
                .refusedBy(binding)
                .redirect("/login?setup", null)
                // the password is never shown back
                .orRender(errors -> render(request, model,
                        new Forms.SetupForm(form.email(), form.displayName(), "", form.workspaceName()), errors));
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String signedOut, @RequestParam(required = false) String setup,
            @RequestParam(required = false) String joined, HttpServletRequest request, Model model) {
        if (accounts.setupNeeded()) {
            return "redirect:/setup";
        }
        String alert = null;
        String notice = null;
        if (throttled != null) {
            alert = "Too many failed attempts. Wait " + waitText(throttled) + " before trying again.";
        } else if (error != null) {
            alert = "That email and password don't match an account.";
        }
        if (signedOut != null) {
            notice = "You signed out.";
        } else if (setup != null) {
            notice = "Your workspace is ready. Sign in with the email and password you just chose.";
        } else if (joined != null) {
            notice = "Your account is ready. Sign in to open the workspace.";
        }
        model.addAttribute("shell", Pages.publicShell(request, "Sign in"));
        model.addAttribute("alert", alert);
        model.addAttribute("notice", notice);
        return "workspace/login";
    }

    private static String waitText(String seconds) {
        try {
            long s = Long.parseLong(seconds);
            return s < 90 ? s + " seconds" : (s + 59) / 60 + " minutes";
        } catch (NumberFormatException e) {
            return "a little";
        }
    }

    private static String render(HttpServletRequest request, Model model, Forms.SetupForm form, FormErrors errors) {
        model.addAttribute("shell", Pages.publicShell(request, "Set up TrueNorth"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/setup";
    }
}
