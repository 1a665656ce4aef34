package app.truenorth.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires {@link VersionedWrite}: resolves it from the If-Match header, and documents every operation that
 * takes one with the If-Match header parameter and its 412, 409 and 428 answers, so the OpenAPI document
 * says the same as the code.
 */
@Configuration(proxyBeanMethods = false)
class VersionedWrites implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // resolved from the header, not a query object: springdoc must not list its insides as parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(VersionedWrite.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == VersionedWrite.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return new VersionedWrite(request.getHeader(VersionedWrite.HEADER));
    }

    @Bean
    OperationCustomizer versionedWriteDocumentation() {
        return (operation, handler) -> takesVersionedWrite(handler) ? document(operation) : operation;
    }

    static boolean takesVersionedWrite(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == VersionedWrite.class);
    }

    private static Operation document(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> VersionedWrite.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter().name(VersionedWrite.HEADER).required(false)
                    .description("The ETag of the version you read, e.g. \"12-3\". Or send the version as the 'version' "
                            + "field instead; one of the two is required.")
                    .schema(new StringSchema()));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("412", problem("Precondition Failed: the If-Match names a version that is not the current "
                + "one (someone else changed it since you read it). Nothing was changed; read it again."));
        responses.addApiResponse("409", problem("Conflict: the 'version' field is not the current version, or the current "
                + "state does not allow the change. Nothing was changed."));
        responses.addApiResponse("428", problem("Precondition Required: neither an If-Match header nor a 'version' field "
                + "was sent. Nothing was changed."));
        operation.setResponses(responses);
        return operation;
    }

    private static ApiResponse problem(String description) {
        Schema<?> schema = new ObjectSchema()
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
    }
}
