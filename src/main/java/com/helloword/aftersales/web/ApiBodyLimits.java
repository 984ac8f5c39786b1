package com.helloword.aftersales.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api} request body is bounded ({@code aftersales.api.max-body-bytes}) and refused with 413
 * while it is read, before a controller parses it. After authentication: a stranger's body is not read at
 * all. Paths with a limit of their own are left to it: the webhooks (checked before authentication,
 * {@code aftersales.webhooks.max-body-bytes}), the buyer-message intake ({@code aftersales.intake.max-body-bytes})
 * and the order import, which streams its file under {@code aftersales.importing.max-body-bytes}.
 * <p>
 * An {@code /api} refusal (401, 413, ...) is sent before the servlet container swallows what is left of the
 * body: Tomcat reads at most 2 MB of it and then closes the connection, and an answer still in its buffer
 * would be lost with it, so a client sending a large chunked body would see the connection drop instead.
 */
@Configuration(proxyBeanMethods = false)
class ApiBodyLimits {

    static final Set<String> OWN_LIMITS = Set.of("/api/webhooks/", "/api/intake/messages", "/api/orders/import");

    @Bean
    FilterRegistrationBean<BodyLimitFilter> apiBodyLimitFilter(@Value("${aftersales.api.max-body-bytes}") long maxBytes) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(maxBytes, "A request body", OWN_LIMITS));
        registration.setName("api-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(13); // after api-authentication (11)
        return registration;
    }

    @Bean
    FilterRegistrationBean<RefusalsSentAtOnce> apiRefusalsSentAtOnce() {
        FilterRegistrationBean<RefusalsSentAtOnce> registration = new FilterRegistrationBean<>(new RefusalsSentAtOnce());
        registration.setName("api-refusals-sent-at-once");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(4); // around every other /api filter
        return registration;
    }

    static final class RefusalsSentAtOnce extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (response.getStatus() >= 400 && !response.isCommitted()) {
                response.flushBuffer();
            }
        }
    }
}
