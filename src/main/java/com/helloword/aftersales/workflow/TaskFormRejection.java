package com.helloword.aftersales.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses what a person entered in a task form, with the reason: the task stays open and nothing
 * is kept. The engine answers an exception from a task listener, or from a step the completion runs
 * on to in its transaction (a delegate after a business-rule task), with a 500 ("ENGINE-03051 ...
 * while invoking the TaskListener", "Cannot complete task ..."); the filter here turns such a refusal,
 * marked at both ends, on {@code /engine-rest/task/{id}/complete}
 * and {@code /submit-form}, and on the same paths under Tasklist's own {@code /camunda/api/engine/engine/{name}/},
 * into a 400 whose message is the reason alone.
 */
@Configuration(proxyBeanMethods = false)
public class TaskFormRejection {

    static final String START = "[form refused] ";
    static final String MARKER = " [form refused]";
    private static final Pattern REASON = Pattern.compile(Pattern.quote(START) + "(.*?)" + Pattern.quote(MARKER));
    /** A task's completion, or a process started from its start form (Tasklist's "Start process"). */
    private static final Pattern COMPLETION = Pattern.compile(
            "/task/[^/]+/(complete|submit-form)|/process-definition/(key/)?[^/]+/submit-form");

    /**
     * Thrown from a task listener or a delegate the completion runs: Tasklist shows the reason, the task
     * stays open, nothing is kept.
     */
    public static ProcessEngineException because(String reason) {
        return new ProcessEngineException(START + reason + MARKER);
    }

    @Bean
    FilterRegistrationBean<RefusalsAreBadRequests> taskFormRefusals(ObjectMapper json) {
        FilterRegistrationBean<RefusalsAreBadRequests> registration =
                new FilterRegistrationBean<>(new RefusalsAreBadRequests(json));
        registration.setName("task-form-refusals");
        registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*",
                "/camunda/api/engine/engine/*");
        registration.setOrder(20); // after authentication
        return registration;
    }

    static final class RefusalsAreBadRequests extends OncePerRequestFilter {

        private final ObjectMapper json;

        RefusalsAreBadRequests(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path).find();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, cached);
            if (cached.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                Matcher reason = REASON.matcher(new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8));
                if (reason.find()) {
                    cached.resetBuffer();
                    cached.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    cached.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    cached.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    cached.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "InvalidRequestException",
                            "message", reason.group(1), "code", 0)));
                }
            }
            cached.copyBodyToResponse();
        }
    }
}
