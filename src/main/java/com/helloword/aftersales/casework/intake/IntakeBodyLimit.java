package com.helloword.aftersales.casework.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.helloword.aftersales.web.BodyLimitFilter;

/**
 * A message to {@code POST /api/intake/messages} is at most {@code aftersales.intake.max-body-bytes}: a larger
 * body is refused with 413 while it is read (declared length or chunked), after authentication and before
 * JSON parsing.
 */
@Configuration(proxyBeanMethods = false)
class IntakeBodyLimit {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> intakeBodyLimitFilter(@Value("${aftersales.intake.max-body-bytes}") long maxBytes) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(maxBytes, "A message"));
        registration.setName("intake-body-limit");
        registration.addUrlPatterns("/api/intake/messages");
        registration.setOrder(13); // after api-authentication (11)
        return registration;
    }
}
