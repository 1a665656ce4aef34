package app.truenorth.workspace.web;

import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a handler's {@link ProductAccess} argument from the {@code {productId}} of its path: the
 * product checked against the caller's workspace and role, with the permission its {@link Needs} names
 * (to read, without one). Another workspace's product is "not found", a role that falls short
 * "forbidden", before the handler runs. Sits beside {@link ProductScope}, which has already checked the
 * scope before the request body was read; both ask {@link WorkspaceAccess}, which reads the product
 * once per request.
 */
@Configuration(proxyBeanMethods = false)
class ProductArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // resolved from the path, not a query object: springdoc must not list its components as parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ProductAccess.class);
    }

    private final WorkspaceAccess access;

    ProductArguments(WorkspaceAccess access) {
        this.access = access;
    }

    /**
     * A handler that takes the product instead of a {@code @PathVariable long productId} still documents the
     * path variable in the OpenAPI document.
     */
    @Bean
    OperationCustomizer productIdPathParameter() {
        return (operation, handler) -> {
            boolean takesProduct = Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter);
            boolean documented = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "productId".equals(p.getName()) && "path".equals(p.getIn()));
            if (takesProduct && !documented) {
                operation.addParametersItem(new PathParameter().name("productId").required(true)
                        .schema(new IntegerSchema().format("int64")));
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ProductAccess.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String raw = variables == null ? null : variables.get("productId");
        if (raw == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a ProductAccess but its path has no {productId}");
        }
        long productId;
        try {
            productId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            // answered as a @PathVariable long would be: "not found" on pages, a bad productId in the API
            throw new MethodArgumentTypeMismatchException(raw, Long.class, "productId", parameter, e);
        }
        Needs needs = parameter.getParameterAnnotation(Needs.class);
        return access.product(productId, needs == null ? Permission.READ : needs.value());
    }
}
