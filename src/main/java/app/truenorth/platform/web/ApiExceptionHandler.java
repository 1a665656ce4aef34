package app.truenorth.platform.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.PreconditionRequiredException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
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
import tools.jackson.core.exc.InputCoercionException;
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

    /** A write that named no version at all: 428, with the field a client may send it in. */
    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException e, NativeWebRequest request) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Precondition required", e.getMessage(),
                List.of(new FieldMessage("version", "is required: send the version you read as If-Match header or 'version' field")),
                request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, NativeWebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are not valid.", fields(e.fieldErrors()), request);
    }

    /**
     * Parameter constraints on a controller that is also {@code @Validated} are checked by a proxy,
     * which throws this instead of Spring MVC's own method validation exception.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, NativeWebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = "";
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName() == null ? field : node.getName();
            }
            errors.add(new FieldMessage(field, violation.getMessage()));
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some parameters are not valid.", errors, request);
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
                List.of(new FieldMessage(name, "must be " + typeName(ex.getRequiredType()))), request);
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
                    List.of(new FieldMessage(field, "must be " + typeName(wrong.getTargetType()))), request);
        }
        if (cause instanceof InputCoercionException outOfRange) {
            String field = outOfRange.getPath().isEmpty() ? "value" : path(outOfRange);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "'" + field + "' is out of range.",
                    List.of(new FieldMessage(field, "is too large or too small a number")), request);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "'" + field + "' has the wrong type.",
                    List.of(new FieldMessage(field, "must be " + typeName(mismatched.getTargetType()))), request);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            // the body as a whole has the wrong shape (an array, a bare string, nothing but spaces);
            // Jackson's own message would name the server's Java classes
            return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                    "The request body must be " + typeName(mismatched.getTargetType()) + ".", null, request);
        }
        if (cause instanceof StreamReadException parse) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body is not valid JSON: " + parse.getOriginalMessage(), null, request);
        }
        if (cause instanceof JacksonException) {
            // valid JSON that cannot become the expected value; the library's message names Java types
            return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                    "The request body does not have the shape this endpoint expects.", null, request);
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
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        // never a Java class name: callers of the API should not see the server's internals
        return "a value of another type";
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
