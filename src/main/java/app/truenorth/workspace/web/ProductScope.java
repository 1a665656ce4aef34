package app.truenorth.workspace.web;

import app.truenorth.platform.security.Callers;
import app.truenorth.workspace.MemberAction;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks every request under a {@code {productId}} against the caller's workspace and role before the
 * request body or form is even read: another workspace's product is "not found", a viewer's write is
 * "forbidden", whatever the input. Handlers still check the exact permission they need (editor for the
 * roadmap, for example); this guard makes sure bad input can never answer before the scope does, and
 * that a module cannot forget the workspace check.
 */
@Configuration(proxyBeanMethods = false)
class ProductScope implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final WorkspaceAccess access;

    ProductScope(WorkspaceAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/products/*/**", "/api/v1/products/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || Callers.find().isEmpty()) {
            return true; // static resources; unauthenticated requests never get this far on these paths
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String raw = variables == null ? null : variables.get("productId");
        if (raw == null) {
            return true;
        }
        long productId;
        try {
            productId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return true; // the handler's own conversion answers it as not found
        }
        boolean write = !READS.contains(request.getMethod());
        access.product(productId, write && !method.hasMethodAnnotation(MemberAction.class) ? Permission.CONTRIBUTE : Permission.READ);
        return true;
    }
}
