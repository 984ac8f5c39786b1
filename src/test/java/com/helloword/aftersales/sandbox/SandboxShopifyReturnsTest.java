package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.returns.PlatformReturnIntake;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Shopify returns requested by buyers, accepted and declined through {@link MarketplacePort} and the real
 * adapter against the sandbox, which knows the returns this system took in from the returns/request webhook.
 */
@IntegrationTest
class SandboxShopifyReturnsTest {

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    PlatformReturnIntake intake;

    long seed;

    @BeforeEach
    void setUp() {
        seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** A return the webhook brought, of an order not imported (kept UNMATCHED; no return process runs). */
    private void requested(String platformReturnId) {
        intake.take("shopify-us", new PlatformReturn(platformReturnId, "98" + seed, null, 1, "DEFECTIVE", "REFUND",
                null, "REQUESTED", null, null));
    }

    private static PlatformReturnCommand command(String platformReturnId, String note) {
        return new PlatformReturnCommand("shopify-us", platformReturnId, null, note, "return:SBX:" + platformReturnId);
    }

    @Test
    void aRequestedReturnIsAcceptedOnceAndThenCannotBeDeclined() {
        String returnId = "81" + seed;
        requested(returnId + ":1");
        requested(returnId + ":2");

        PlatformReturnResult first = marketplace.approvePlatformReturn(command(returnId + ":1", null));
        PlatformReturnResult otherLine = marketplace.approvePlatformReturn(command(returnId + ":2", null));

        assertThat(first).isEqualTo(new PlatformReturnResult("OPEN", false));
        assertThat(otherLine).isEqualTo(new PlatformReturnResult("OPEN", true));
        assertThatThrownBy(() -> marketplace.declinePlatformReturn(command(returnId + ":1", "too late")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("is OPEN on Shopify");
    }

    @Test
    void aRequestedReturnIsDeclinedOnce() {
        String returnId = "82" + seed;
        requested(returnId);

        assertThat(marketplace.declinePlatformReturn(command(returnId, "The return window ended.")))
                .isEqualTo(new PlatformReturnResult("DECLINED", false));
        assertThat(marketplace.declinePlatformReturn(command(returnId, "The return window ended.")))
                .isEqualTo(new PlatformReturnResult("DECLINED", true));
        assertThatThrownBy(() -> marketplace.approvePlatformReturn(command(returnId, null)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("is DECLINED on Shopify");
    }

    @Test
    void aReturnTheStoreNeverHadIsNotFound() {
        assertThatThrownBy(() -> marketplace.approvePlatformReturn(command("83" + seed, null)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no return gid://shopify/Return/83");
    }
}
