package app.truenorth.platform.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one way a page form is submitted. A handler says what the change is, where success leads and how
 * the form page is rendered; this decides the answer:
 * <ul>
 * <li>success: a redirect with a one-time confirmation (post/redirect/get); for an htmx request the page
 * content swapped in place ({@link #inPlaceForHtmx}) or, without one, {@code HX-Redirect} to the same
 * place; or a page shown at once ({@link #show}, for a secret that must not rest in the session);</li>
 * <li>refused input (the form binder's or Spring's binding problems, or an {@link InvalidInputException}
 * from the domain): the form again with each message beside its field, 422, nothing written;</li>
 * <li>a conflict with the current state (a {@link ConflictException}: someone else changed it since the
 * form was loaded, or the state does not allow the change): 409 and the form rendered with what is
 * there now ({@link #onConflict}) and the message at the top; a {@link ForbiddenException} raised by
 * the change (only a phase's approvers may sign it off) the same way with 403.</li>
 * </ul>
 * htmx swaps only successful answers, so an htmx request gets its refusals with 200: the messages are
 * in the content it swaps. Handlers never set a status themselves:
 * <pre>{@code
 * return Submit.of(request, () -> products.update(id, form.name(), form.description(), form.version()))
 *         .refusedBy(binding)
 *         .redirect(p -> "/products/" + id, p -> "Saved " + p.name() + ".")
 *         .onConflict(errors -> settingsPage(model, current(id), errors))
 *         .orRender(errors -> settingsPage(model, form, errors));
 * }</pre>
 *
 * @param <T> what the change returns, for the success page or confirmation
 */
public final class Submit<T> {

    private static final HttpStatusCode REFUSED = HttpStatusCode.valueOf(422);

    private final HttpServletRequest request;
    private final Supplier<T> change;
    private FormErrors refused = FormErrors.none();
    private final List<FormBinder> binders = new ArrayList<>();
    private Function<T, String> target;
    private Function<T, String> flash;
    private Function<T, String> shown;
    private Function<T, String> inPlace;
    private Function<FormErrors, String> conflict;

    private Submit(HttpServletRequest request, Supplier<T> change) {
        this.request = request;
        this.change = change;
    }

    /** A change that returns what it made or changed. */
    public static <T> Submit<T> of(HttpServletRequest request, Supplier<T> change) {
        return new Submit<>(request, change);
    }

    /** A change that returns nothing. */
    public static Submit<Void> of(HttpServletRequest request, Runnable change) {
        return new Submit<>(request, () -> {
            change.run();
            return null;
        });
    }

    /** Refuses the form without running the change when Spring's binding or bean validation found problems. */
    public Submit<T> refusedBy(BindingResult binding) {
        return refusedBy(FormErrors.of(binding));
    }

    /**
     * Refuses the form without running the change when the form binder could not read every value; values
     * read before {@link #orRender} count.
     */
    public Submit<T> refusedBy(FormBinder form) {
        binders.add(form);
        return this;
    }

    /** Refuses the form without running the change when these messages are not empty. */
    public Submit<T> refusedBy(FormErrors errors) {
        FormErrors merged = FormErrors.none();
        for (FormErrors e : new FormErrors[] {refused, errors}) {
            e.fields().forEach((field, message) -> {
                if (!merged.has(field)) {
                    merged.add(field, message);
                }
            });
        }
        String global = refused.global() != null ? refused.global() : errors.global();
        refused = global == null ? merged : withGlobal(merged, global);
        return this;
    }

    /** On success, redirect there with a confirmation shown once at the top of the next page. */
    public Submit<T> redirect(String target, String confirmation) {
        return redirect(t -> target, t -> confirmation);
    }

    public Submit<T> redirect(Function<T, String> target, Function<T, String> confirmation) {
        this.target = target;
        this.flash = confirmation;
        return this;
    }

    /** On success, render this page at once (200), for plain and htmx requests alike. */
    public Submit<T> show(Function<T, String> page) {
        this.shown = page;
        return this;
    }

    /** On success of an htmx request, swap in this content (200) instead of following the redirect. */
    public Submit<T> inPlaceForHtmx(Function<T, String> page) {
        this.inPlace = page;
        return this;
    }

    /**
     * How the form is rendered when the change conflicts with the current state (409) or the caller may
     * not make it (403): with what is there now, so the person can apply their change to it. Without it,
     * the page of {@link #orRender} is used.
     */
    public Submit<T> onConflict(Function<FormErrors, String> page) {
        this.conflict = page;
        return this;
    }

    /** Runs the submission; {@code page} renders the form with the messages when the input is refused (422). */
    public ModelAndView orRender(Function<FormErrors, String> page) {
        boolean htmx = Pages.wantsFragment(request);
        binders.forEach(form -> refusedBy(FormErrors.of(form.problems())));
        if (refused.any()) {
            return page(page.apply(refused), htmx ? HttpStatus.OK : REFUSED);
        }
        T result;
        try {
            result = change.get();
        } catch (InvalidInputException e) {
            return page(page.apply(FormErrors.of(e.fieldErrors())), htmx ? HttpStatus.OK : REFUSED);
        } catch (ConflictException e) {
            return page((conflict == null ? page : conflict).apply(FormErrors.global(e.getMessage())),
                    htmx ? HttpStatus.OK : HttpStatus.CONFLICT);
        } catch (ForbiddenException e) {
            return page((conflict == null ? page : conflict).apply(FormErrors.global(e.getMessage())),
                    htmx ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        }
        if (shown != null) {
            return page(shown.apply(result), HttpStatus.OK);
        }
        if (htmx && inPlace != null) {
            return page(inPlace.apply(result), HttpStatus.OK);
        }
        if (target == null) {
            throw new IllegalStateException("A submission needs redirect(...) or show(...) for its success");
        }
        String location = target.apply(result);
        String confirmation = flash == null ? null : flash.apply(result);
        if (confirmation != null) {
            RequestContextUtils.getOutputFlashMap(request).put(Pages.FLASH, confirmation);
        }
        return htmx ? new ModelAndView(new HtmxRedirect(location)) : new ModelAndView("redirect:" + location);
    }

    private static ModelAndView page(String view, HttpStatusCode status) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        return mav;
    }

    private static FormErrors withGlobal(FormErrors fields, String global) {
        FormErrors errors = FormErrors.global(global);
        fields.fields().forEach(errors::add);
        return errors;
    }

    /**
     * htmx follows {@code HX-Redirect} with a full page load, so the confirmation travels in the flash
     * map as it does for a plain redirect.
     */
    private record HtmxRedirect(String location) implements View {

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
            String url = request.getContextPath() + location;
            RequestContextUtils.saveOutputFlashMap(url, request, response);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("HX-Redirect", url);
        }
    }
}
