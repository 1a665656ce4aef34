package app.truenorth.views.web;

import app.truenorth.platform.web.Pages;
import app.truenorth.views.AudienceView;
import app.truenorth.views.ExportFormat;
import app.truenorth.views.ViewExports;
import app.truenorth.views.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public side of share links: anyone with the token reads the audience's view and its exports, and
 * nothing else. A password-protected link is opened once per browser session.
 */
@Controller
class SharePages {

    private final Views views;
    private final ViewExports exports;

    SharePages(Views views, ViewExports exports) {
        this.views = views;
        this.exports = exports;
    }

    @GetMapping("/share/{token}")
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Views.Shared shared = views.resolve(token);
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!unlocked(request, shared)) {
            return passwordPage(request, model, token, null);
        }
        AudienceView view = views.sharedView(shared, true);
        model.addAttribute("shell", Pages.publicShell(request, view.productName() + " roadmap"));
        model.addAttribute("view", view);
        model.addAttribute("base", "/share/" + token);
        return "views/shared";
    }

    @PostMapping("/share/{token}")
    String unlock(@PathVariable String token, @RequestParam(required = false) String password, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Views.Shared shared = views.resolve(token);
        return switch (views.unlock(token, password)) {
            case OPENED -> {
                HttpSession session = request.getSession(true);
                request.changeSessionId();
                session.setAttribute(key(shared), Boolean.TRUE);
                yield "redirect:/share/" + token;
            }
            case WRONG -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                yield passwordPage(request, model, token, "That password is not right.");
            }
            case LOCKED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                yield passwordPage(request, model, token, "Too many wrong passwords. Try again in " + 15 + " minutes.");
            }
        };
    }

    @GetMapping("/share/{token}/export/" + ViewsPages.FORMATS)
    ResponseEntity<byte[]> export(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
        Views.Shared shared = views.resolve(token);
        if (!unlocked(request, shared)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        ExportFormat f = ExportFormat.byExtension(format).orElseThrow();
        return Downloads.of(exports, views.sharedView(shared, false), f);
    }

    @ExceptionHandler(Views.LinkGone.class)
    ModelAndView gone(Views.LinkGone e, HttpServletRequest request) {
        ModelAndView mav = new ModelAndView("platform/error");
        mav.addObject("shell", Pages.publicShell(request, "Link no longer available"));
        mav.addObject("status", 410);
        mav.addObject("heading", "This link no longer works");
        mav.addObject("message", e.getMessage() + " Ask the person who shared it for a new one.");
        mav.setStatus(HttpStatus.GONE);
        return mav;
    }

    private String passwordPage(HttpServletRequest request, Model model, String token, String error) {
        model.addAttribute("shell", Pages.publicShell(request, "Protected roadmap"));
        model.addAttribute("action", "/share/" + token);
        model.addAttribute("error", error);
        return "views/password";
    }

    private static boolean unlocked(HttpServletRequest request, Views.Shared shared) {
        if (!shared.passwordProtected()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(key(shared)));
    }

    private static String key(Views.Shared shared) {
        return "share-link-" + shared.linkId();
    }
}
