package app.truenorth.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: {@code /api/**} is stateless and accepts only bearer tokens (so a browser's session
 * cookie can never drive the API and CSRF does not apply); everything else is form login with a
 * session in the database and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Pages anyone may open: sign-in, first-run setup, accepting an invitation, assets, API docs. */
    static final String[] PUBLIC_PATHS = {
        "/login", "/setup", "/invite/**", "/healthz", "/error", "/favicon.ico", "/favicon.svg",
        "/css/**", "/js/**", "/webjars/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
        "/share/**"
    };

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthenticator tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable()) // no cookie is ever read on this chain, so there is nothing to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, 401, "Unauthorized",
                                "Send a personal API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, 403, "Forbidden",
                                "Your role does not allow this.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager throttledSignIn) throws Exception {
        // without the default "?continue" marker, the page a person wanted is simply where they land after sign-in
        var requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        // Spring Security's default CSRF handling (masked tokens), with a generator that does not make
        // every page view queue on one lock (see PerThreadSecureRandom)
        var csrfTokens = new XorCsrfTokenRequestAttributeHandler();
        csrfTokens.setSecureRandom(new PerThreadSecureRandom());
        // named explicitly: left alone, form login builds its own provider from the UserDetailsService
        // bean and password guessing would never meet the throttle
        http.authenticationManager(throttledSignIn)
                .authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
                .requestCache(c -> c.requestCache(requestCache))
                .csrf(c -> c.csrfTokenRequestHandler(csrfTokens))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.defaultAccessDeniedHandlerFor(
                        (req, res, ex) -> res.sendError(HttpServletResponse.SC_FORBIDDEN),
                        req -> true));
        return http.build();
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String target = exception instanceof ThrottledAuthenticationProvider.LoginThrottledException throttled
                    ? "/login?throttled=" + throttled.waitSeconds()
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
