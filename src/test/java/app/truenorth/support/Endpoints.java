package app.truenorth.support;

import app.truenorth.workspace.WorkspaceAccess;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint the running application maps (all {@link RequestMappingHandlerMapping}s, every HTTP
 * method), and a well-formed request for each: path variables and id parameters filled by the caller,
 * request bodies and form fields made from the handler's parameter types. Security tests walk this
 * list, so endpoints that modules add later are checked without anyone remembering to list them.
 */
public final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    /** A path variable whose regex is a plain choice of words, e.g. {@code {section:strategy|roadmap}}: not an id. */
    private static final Pattern CHOICE = Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*");
    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Endpoints() {
    }

    /** One HTTP method on one path pattern, and the controller method that serves it. */
    public record Endpoint(String method, String pattern, HandlerMethod handler) {

        public boolean api() {
            return pattern.startsWith("/api/");
        }

        public boolean write() {
            return WRITES.contains(method);
        }

        /** The path variables that name something (ids, secrets), leaving out plain choices of words. */
        public List<String> identifyingPathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                if (m.group(2) == null || !CHOICE.matcher(m.group(2)).matches()) {
                    names.add(m.group(1));
                }
            }
            return names;
        }

        /** Required request parameters whose name ends in "Id": they point at something, like a path variable. */
        public List<String> idParameters() {
            List<String> names = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = paramName(p, param);
                    if (isId(name)) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Parameters that point at something: names ending in "Id", and a diff's {@code from} snapshot. */
    static boolean isId(String name) {
        return name.endsWith("Id") || name.equals("from");
    }

    /** All endpoints, sorted by path and method. */
    public static List<Endpoint> all(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                List<String> methods = declared.isEmpty() ? ALL_METHODS : declared.stream().map(RequestMethod::name).toList();
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        endpoints.add(new Endpoint(method, pattern, entry.getValue()));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints.stream().distinct().toList();
    }

    /** The endpoint's path with its variables filled as {@link #request} fills them. */
    public static String uri(Endpoint endpoint, Function<String, String> ids) {
        StringBuilder uri = new StringBuilder();
        Matcher m = VARIABLE.matcher(endpoint.pattern());
        while (m.find()) {
            String value = m.group(2) != null && CHOICE.matcher(m.group(2)).matches()
                    ? m.group(2).split("\\|")[0]
                    : ids.apply(m.group(1));
            m.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        m.appendTail(uri);
        return uri.toString();
    }

    /** True when the endpoint reads a JSON request body. */
    public static boolean takesBody(Endpoint endpoint) {
        return Arrays.stream(endpoint.handler().getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    /** The names of the form fields and request parameters the endpoint reads. */
    public static List<String> parameterNames(Endpoint endpoint) {
        List<String> names = new ArrayList<>();
        for (MethodParameter p : endpoint.handler().getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(paramName(p, param));
            } else if (!p.hasParameterAnnotation(RequestBody.class) && !p.hasParameterAnnotation(PathVariable.class)
                    && isForm(p.getParameterType())) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    /**
     * A well-formed request for the endpoint. {@code ids} supplies the value of every identifying path
     * variable and id parameter; it should throw for a name it does not know, so that a new kind of id
     * fails the test loudly instead of being skipped.
     */
    public static MockHttpServletRequestBuilder request(Endpoint endpoint, Function<String, String> ids) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()),
                uri(endpoint, ids));
        for (MethodParameter p : endpoint.handler().getMethodParameters()) {
            if (p.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = paramName(p, param);
                if (isId(name)) {
                    request.param(name, ids.apply(name));
                } else if (param.required() && org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                    request.param(name, String.valueOf(sample(p.getGenericParameterType(), name, null, endpoint)));
                }
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(sample(p.getGenericParameterType(), p.getParameterName(), null, endpoint)));
            } else if (isForm(p.getParameterType())) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    Object value = sample(c.getGenericType(), c.getName(), field(p.getParameterType(), c), endpoint);
                    request.param(c.getName(), value instanceof Enum<?> e ? e.name() : String.valueOf(value));
                }
            } else if (p.hasParameterAnnotation(ModelAttribute.class)) {
                throw new IllegalStateException("Endpoints can only fill forms that are records: " + p + " of " + endpoint);
            }
        }
        return request;
    }

    private static boolean isForm(Class<?> type) {
        return type.isRecord() && !Model.class.isAssignableFrom(type) && !BindingResult.class.isAssignableFrom(type)
                // resolved from the path by the workspace module (the checked product), not bound from the form
                && type != WorkspaceAccess.ProductAccess.class;
    }

    private static String paramName(MethodParameter p, RequestParam param) {
        if (!param.name().isEmpty()) {
            return param.name();
        }
        if (!param.value().isEmpty()) {
            return param.value();
        }
        return p.getParameterName();
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** A valid value of the type, as a JSON-ready object. */
    private static Object sample(Type type, String name, Field field, Endpoint endpoint) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String lower = name == null ? "" : name.toLowerCase();
        if (raw == String.class) {
            if ((field != null && field.isAnnotationPresent(Email.class)) || lower.contains("email")) {
                return "probe" + SEQ.incrementAndGet() + "@example.com";
            }
            if (lower.contains("password")) {
                return "probe-password-" + SEQ.incrementAndGet();
            }
            String value = "Probe " + SEQ.incrementAndGet();
            Size size = field == null ? null : field.getAnnotation(Size.class);
            while (size != null && value.length() < size.min()) {
                value = value + " probe";
            }
            return value;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
                || raw == Short.class) {
            return 0;
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class || raw == float.class || raw == Float.class) {
            return 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == LocalDate.class) {
            return "2027-01-15";
        }
        if (raw == OffsetDateTime.class || raw == Instant.class) {
            return "2027-01-15T10:00:00Z";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of();
        }
        if (raw.isRecord()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                Object value = sample(c.getGenericType(), c.getName(), field(raw, c), endpoint);
                object.put(c.getName(), value instanceof Enum<?> e ? e.name() : value);
            }
            return object;
        }
        throw new IllegalStateException("Endpoints does not know how to make a sample " + type.getTypeName() + " for '" + name
                + "' of " + endpoint + ": teach Endpoints.sample this type.");
    }
}
