package com.helloword.aftersales.integration.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    FilterRegistrationBean<WebhookBodyLimitFilter> webhookBodyLimit(
            @Value("${aftersales.webhooks.max-body-bytes:1048576}") int maxBytes) {
        FilterRegistrationBean<WebhookBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new WebhookBodyLimitFilter(maxBytes));
        registration.setName("webhook-body-limit");
        registration.addUrlPatterns("/api/webhooks/*");
        registration.setOrder(5);
        return registration;
    }
}
