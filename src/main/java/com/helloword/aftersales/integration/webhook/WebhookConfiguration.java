package com.helloword.aftersales.integration.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.helloword.aftersales.web.BodyLimitFilter;

/**
 * Webhooks are unauthenticated until their signature is checked, so their bodies are read into memory only up
 * to {@code aftersales.webhooks.max-body-bytes}; anything larger is refused with 413 before any parsing,
 * declared length or chunked.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> webhookBodyLimit(
            @Value("${aftersales.webhooks.max-body-bytes}") long maxBytes) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(maxBytes, "A webhook body"));
        registration.setName("webhook-body-limit");
        registration.addUrlPatterns("/api/webhooks/*");
        registration.setOrder(5);
        return registration;
    }
}
