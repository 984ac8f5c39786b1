package com.helloword.aftersales.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, against the configured database (H2 in memory by
 * default, MariaDB in CI's second pass), with a clock tests can move. Every class with this
 * annotation shares one context. Metrics are exported as in production (Spring Boot tests leave them out
 * otherwise), so {@code /actuator/prometheus} is there to be tested.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestClockConfiguration.class, ProviderStubsConfiguration.class})
@AutoConfigureObservability(tracing = false)
public @interface IntegrationTest {
}
