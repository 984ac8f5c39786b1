package com.helloword.aftersales.web;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container forwards a failed request to render its problem; asked for
 * directly there is no error to render and Spring Boot's error controller answers 500. A direct request
 * (dispatcher type REQUEST; the container's forwards are ERROR dispatches and do not pass here) gets a
 * 404 problem instead, as any path that does not exist.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPathRequests {

    @Bean
    FilterRegistrationBean<DirectRequestsAreNotFound> directErrorRequests() {
        FilterRegistrationBean<DirectRequestsAreNotFound> registration =
                new FilterRegistrationBean<>(new DirectRequestsAreNotFound());
        registration.setName("direct-error-requests");
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        registration.setOrder(1);
        return registration;
    }

    static final class DirectRequestsAreNotFound extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"No such resource.\",\"instance\":\"/error\"}");
        }
    }
}
