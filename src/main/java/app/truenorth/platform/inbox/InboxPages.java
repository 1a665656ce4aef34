package app.truenorth.platform.inbox;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in person's notifications: the list (a fragment for htmx, otherwise a plain page), the
 * unread count as a small fragment for the shell, and marking read. Opening a notification marks it
 * read and goes to its link.
 */
@Controller
class InboxPages {

    static final int SHOWN = 30;

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    ModelAndView list(HttpServletRequest request) {
        long me = Callers.current().id();
        return new ModelAndView("platform/inbox", Map.of(
                "shell", Pages.publicShell(request, "Notifications"),
                "notifications", inbox.latest(me, SHOWN),
                "unread", inbox.unread(me)));
    }

    @GetMapping("/inbox/unread")
    ModelAndView unread() {
        return new ModelAndView("platform/inbox-count", Map.of("unread", inbox.unread(Callers.current().id())));
    }

    @PostMapping("/inbox/{notificationId}/read")
    ModelAndView read(@PathVariable long notificationId, HttpServletRequest request) {
        long me = Callers.current().id();
        Inbox.Notification notification = inbox.find(me, notificationId);
        if (notification == null) {
            throw new NotFoundException("Notification");
        }
        inbox.markRead(me, notificationId);
        if (Pages.wantsFragment(request)) {
            return list(request);
        }
        return new ModelAndView("redirect:" + (notification.link() == null ? "/inbox" : notification.link()));
    }

    @PostMapping("/inbox/read-all")
    ModelAndView readAll(HttpServletRequest request) {
        inbox.markAllRead(Callers.current().id());
        return Pages.wantsFragment(request) ? list(request) : new ModelAndView("redirect:/inbox");
    }
}
