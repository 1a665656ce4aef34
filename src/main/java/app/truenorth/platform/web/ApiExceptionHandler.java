package app.truenorth.platform.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the REST API as RFC 9457 problem+json. Validation problems carry an {@code errors}
 * list of {field, message}; nothing ever leaks a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldMessage(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, NativeWebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null, request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, NativeWebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null, request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, NativeWebRequest request) {
        HttpStatus status = e.preconditionFailed() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        return problem(status, e.preconditionFailed() ? "Precondition failed" : "Conflict", e.getMessage(), null, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, NativeWebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are not valid.", fields(e.fieldErrors()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, NativeWebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Nothing was changed; the error is in the server log.", null, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError e : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(e.getField(), e.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldMessage("", e.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are not valid.", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(
                new FieldMessage(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some parameters are not valid.", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "'" + name + "' has the wrong type.",
                List.of(new FieldMessage(name, "must be a " + typeName(ex.getRequiredType()))), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Unknown field '" + field + "'.",
                    List.of(new FieldMessage(field, "is not a known field")), request);
        }
        if (cause instanceof InvalidFormatException wrong) {
            String field = path(wrong);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "'" + field + "' has the wrong type.",
                    List.of(new FieldMessage(field, "must be a " + typeName(wrong.getTargetType()))), request);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "'" + field + "' has the wrong type.",
                    List.of(new FieldMessage(field, "must be a " + typeName(mismatched.getTargetType()))), request);
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body is not valid JSON: " + ((JacksonException) cause).getOriginalMessage(), null, request);
        }
        return problem(HttpStatus.BAD_REQUEST, "Missing body", "The request needs a JSON body.", null, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && request instanceof ServletWebRequest web) {
            problem.setInstance(URI.create(web.getRequest().getRequestURI()));
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return response;
    }

    private static String path(JacksonException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return joined.replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "string";
        }
        return type.getSimpleName();
    }


    static List<FieldMessage> fields(Map<String, String> byField) {
        return byField.entrySet().stream().map(e -> new FieldMessage(e.getKey(), e.getValue())).toList();
    }

    private ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldMessage> errors,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (request instanceof ServletWebRequest web) {
            problem.setInstance(URI.create(web.getRequest().getRequestURI()));
        }
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
