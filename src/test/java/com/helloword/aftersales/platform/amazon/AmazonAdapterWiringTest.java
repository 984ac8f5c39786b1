package com.helloword.aftersales.platform.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.platform.MarketplaceAdapter;

/** The adapter as Spring builds it: found as the AMAZON adapter, configured by defaults or properties. */
class AmazonAdapterWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(ObjectMapper.class)
            .withBean(RetryRegistry.class, RetryRegistry::ofDefaults)
            .withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
            .withBean(RateLimiterRegistry.class, RateLimiterRegistry::ofDefaults)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ProviderClients.class)
            .withBean(CredentialStore.class)
            .withBean(com.helloword.aftersales.integration.OperationJournal.class,
                    com.helloword.aftersales.support.InMemoryOperationJournal::new)
            .withBean(AmazonAdapter.class);

    @Test
    void withoutConfigurationAmazonsPublicEndpointsAreUsed() {
        context.run(spring -> {
            MarketplaceAdapter adapter = spring.getBean(MarketplaceAdapter.class);
            assertThat(adapter.platform()).isEqualTo(Platform.AMAZON);
            assertThat(api(adapter, "tokenUrl"))
                    .isEqualTo("https://api.amazon.com/auth/o2/token");
            assertThat(api(adapter, "userAgent")).isEqualTo(AmazonAdapter.DEFAULT_USER_AGENT);
        });
    }

    @Test
    void theTokenEndpointAndUserAgentCanBeSet() {
        context.withPropertyValues("aftersales.providers.amazon.token-url=https://lwa.example.test/auth/o2/token",
                "aftersales.providers.amazon.user-agent=helloword-eu/2.0 (Language=Java/17)").run(spring -> {
                    AmazonAdapter adapter = spring.getBean(AmazonAdapter.class);
                    assertThat(api(adapter, "tokenUrl"))
                            .isEqualTo("https://lwa.example.test/auth/o2/token");
                    assertThat(api(adapter, "userAgent"))
                            .isEqualTo("helloword-eu/2.0 (Language=Java/17)");
                });
    }

    /** A setting of the adapter's SP-API plumbing. */
    private static Object api(Object adapter, String field) {
        return ReflectionTestUtils.getField(ReflectionTestUtils.getField(adapter, "api"), field);
    }
}
