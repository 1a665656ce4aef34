package app.truenorth.platform.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The fallback for page controllers: an error page with the right status. Forms handle their own
 * validation and conflicts beside the fields; this catches what reaches past them.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.NOT_FOUND,
                "The page or item does not exist, or it belongs to a workspace you are not a member of.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ModelAndView missing(Exception e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.BAD_REQUEST, "A required value is missing from the form.");
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ModelAndView constraint(Exception e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.BAD_REQUEST, "A value in the address or form is not allowed here.");
    }

    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ModelAndView mismatch(Exception e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.NOT_FOUND,
                "The page or item does not exist, or it belongs to a workspace you are not a member of.");
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ModelAndView method(Exception e, HttpServletRequest request) {
        return ErrorPages.page(request, HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept that kind of request.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        // Spring MVC's own exceptions for requests it cannot serve (wrong media type, a parameter
        // that fails validation, ...) know their 4xx status: they are the caller's mistake, not ours
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()
                && HttpStatus.resolve(known.getStatusCode().value()) instanceof HttpStatus status) {
            return ErrorPages.page(request, status, ErrorPages.detail(status));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ErrorPages.page(request, HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed; the error is in the server log.");
    }
}
