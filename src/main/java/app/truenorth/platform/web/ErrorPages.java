package app.truenorth.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container's error page, for errors no controller handled (unknown paths, refused CSRF tokens,
 * rejected requests): problem+json under {@code /api}, a friendly page everywhere else.
 */
@Controller
class ErrorPages implements ErrorController {

    private final JsonMapper json;

    ErrorPages(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // without an error status this is someone opening /error itself: there is no such page
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : request.getRequestURI();
        HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(status);
        if (uri.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(httpStatus, detail(httpStatus));
            problem.setTitle(httpStatus.getReasonPhrase());
            problem.setInstance(URI.create(uri));
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            return null;
        }
        return page(request, httpStatus, detail(httpStatus));
    }

    static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
        ModelAndView mav = new ModelAndView("platform/error", Map.of(
                "shell", Pages.publicShell(request, status.getReasonPhrase()),
                "status", status.value(),
                "heading", heading(status),
                "message", message));
        mav.setStatus(status);
        return mav;
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "We can't find that page";
            case FORBIDDEN -> "You can't do that here";
            case CONFLICT -> "Someone else changed this first";
            case METHOD_NOT_ALLOWED -> "That action isn't available here";
            default -> status.is4xxClientError() ? "That request didn't work" : "Something went wrong";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "The page or item does not exist, or it belongs to a workspace you are not a member of.";
            case FORBIDDEN -> "Your role in this workspace does not allow this action, or the form expired. "
                    + "Reload the page and try again, or ask a workspace owner for a different role.";
            case UNAUTHORIZED -> "Sign in first.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
            default -> status.is4xxClientError() ? "The request could not be understood."
                    : "Something went wrong on our side. Nothing was changed; the error is in the server log.";
        };
    }
}
