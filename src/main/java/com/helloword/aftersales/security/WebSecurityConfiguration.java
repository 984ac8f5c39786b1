package com.helloword.aftersales.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may call what over HTTP. Tasklist, Cockpit and Admin keep Camunda's own session login.
 * {@code /engine-rest/*} takes HTTP Basic through Camunda's own filter (as Camunda Run does); it
 * leaves the engine list {@code /engine-rest/engine} open by design; service accounts are kept off it
 * ({@link EngineRestServiceAccounts}). {@code /api/*} takes HTTP Basic against the same identity, service
 * accounts a token ({@link ApiAuthenticationFilter}). State-changing calls from another site's page are
 * refused on both ({@link CrossSiteRefusal}). Only {@code /actuator/health} and {@code /actuator/info} are open; the rest of {@code /actuator}
 * ({@code prometheus}) takes the {@code /api} login ({@link ActuatorAuthentication}).
 * Object-typed variables are refused on both engine APIs ({@link ObjectVariableRefusal}); {@code /api} and
 * {@code /buyer} answers carry headers for personal data ({@link PersonalDataHeaders}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    /** Camunda's HTTP Basic provider, named as its filter expects (a class name, not a type we link). */
    static final String HTTP_BASIC_PROVIDER =
            "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HTTP_BASIC_PROVIDER);
        registration.setOrder(10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService,
            ServiceAccounts accounts) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, accounts));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(11);
        return registration;
    }

    /** {@code /actuator/*} but health and info: logged in as on {@code /api}, managers, admins, service accounts. */
    @Bean
    FilterRegistrationBean<ActuatorAuthentication> actuatorAuthentication(IdentityService identityService,
            ServiceAccounts accounts) {
        FilterRegistrationBean<ActuatorAuthentication> registration =
                new FilterRegistrationBean<>(new ActuatorAuthentication(identityService, accounts));
        registration.setName("actuator-authentication");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestServiceAccounts> engineRestServiceAccounts(ServiceAccounts accounts) {
        FilterRegistrationBean<EngineRestServiceAccounts> registration =
                new FilterRegistrationBean<>(new EngineRestServiceAccounts(accounts));
        registration.setName("engine-rest-service-accounts");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(9); // before Camunda's filter checks (and counts) the password
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossSiteRefusal> crossSiteRefusal(
            @Value("${aftersales.buyer-links.base-url}") String publicBaseUrl,
            @Value("${aftersales.security.allowed-origins:}") List<String> allowedOrigins) {
        List<String> trusted = new ArrayList<>(allowedOrigins);
        trusted.add(publicBaseUrl);
        FilterRegistrationBean<CrossSiteRefusal> registration =
                new FilterRegistrationBean<>(new CrossSiteRefusal(trusted));
        registration.setName("cross-site-refusal");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(6); // before authentication: a forged request learns nothing about the login
        return registration;
    }

    @Bean
    FilterRegistrationBean<ObjectVariableRefusal> objectVariableRefusal(ObjectMapper json) {
        FilterRegistrationBean<ObjectVariableRefusal> registration =
                new FilterRegistrationBean<>(new ObjectVariableRefusal(json));
        registration.setName("object-variable-refusal");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(12); // after authentication: a stranger learns nothing but 401
        return registration;
    }

    @Bean
    FilterRegistrationBean<PersonalDataHeaders> personalDataHeaders() {
        FilterRegistrationBean<PersonalDataHeaders> registration =
                new FilterRegistrationBean<>(new PersonalDataHeaders());
        registration.setName("personal-data-headers");
        registration.addUrlPatterns("/api/*", "/buyer/*");
        registration.setOrder(5); // before authentication, so a 401 carries them too
        return registration;
    }
}
