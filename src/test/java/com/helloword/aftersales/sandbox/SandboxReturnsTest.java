package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * What the returns process asks of the marketplaces, through {@link MarketplacePort} and the real adapters against
 * the sandbox: the buyer's delivery address (Shopify GraphQL, eBay getOrder, Amazon with a restricted data token)
 * and a free exchange order (Shopify draft orders, once per key).
 */
@IntegrationTest
class SandboxReturnsTest {

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TransactionTemplate transaction;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A demo order of the store (demo id pattern) with its lines and buyer. */
    private SalesOrder demoOrder(String storeId, String idPattern) {
        return transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(storeId) && o.getStatus() == OrderStatus.DELIVERED
                        && o.getPlatformOrderId().matches(idPattern))
                .findFirst()
                .flatMap(o -> orders.findWithLines(storeId, o.getPlatformOrderId()))
                .map(o -> {
                    o.getBuyer().getName();
                    return o;
                })
                .orElseThrow());
    }

    private void assertDemoAddress(ShipTo shipTo, SalesOrder order) {
        assertThat(shipTo.complete()).as("street, number, postal code and city apart").isTrue();
        assertThat(shipTo.countryCode()).isEqualTo(order.getDestinationCountry());
        assertThat(shipTo.name()).isEqualTo(order.getBuyer().getName());
        assertThat(shipTo.houseNumber()).matches("\\d+.*");
        assertThat(shipTo.street()).doesNotContainPattern("\\d");
        assertThat(shipTo.toString()).doesNotContain(shipTo.street(), shipTo.name());
    }

    @Test
    void theDeliveryAddressOfADemoOrderComesFromEachPlatform() {
        for (String[] store : List.of(new String[] {"shopify-fr", "\\d+"}, new String[] {"shopify-us", "\\d+"},
                new String[] {"ebay-de", "\\d{2}-\\d{5}-\\d{5}"}, new String[] {"amazon-de", "\\d{3}-\\d{7}-\\d{7}"})) {
            SalesOrder order = demoOrder(store[0], store[1]);

            ShipTo shipTo = marketplace.getShipTo(new ShipToRef(store[0], order.getPlatformOrderId()));

            assertDemoAddress(shipTo, order);
            assertThat(shipTo.email()).isNotBlank();
        }
    }

    @Test
    void anUnknownOrderHasNoAddress() {
        assertThatThrownBy(() -> marketplace.getShipTo(new ShipToRef("shopify-us", "999999999999")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no order");
        assertThatThrownBy(() -> marketplace.getShipTo(new ShipToRef("ebay-us", "99-99999-99999")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("not found");
    }

    @Test
    void aShopifyExchangeOrderIsMadeOncePerKey() {
        SalesOrder order = demoOrder("shopify-us", "\\d+");
        String sku = order.getLines().get(0).getSku();
        ExchangeOrderCommand exchange = new ExchangeOrderCommand("shopify-us", order.getPlatformOrderId(),
                List.of(new ExchangeLine(sku, 1)), "size exchange", "case:SBR-" + run + ":exchange");

        ExchangeResult first = marketplace.createExchangeOrder(exchange);
        ExchangeResult again = marketplace.createExchangeOrder(exchange);
        ExchangeResult other = marketplace.createExchangeOrder(new ExchangeOrderCommand("shopify-us",
                order.getPlatformOrderId(), List.of(new ExchangeLine(sku, 2)), null, "case:SBR-" + run + ":second"));

        assertThat(first.alreadyDone()).isFalse();
        assertThat(first.platformOrderId()).matches("\\d+");
        assertThat(again).isEqualTo(new ExchangeResult(first.platformOrderId(), true));
        assertThat(other.platformOrderId()).isNotEqualTo(first.platformOrderId());
        assertThatThrownBy(() -> marketplace.createExchangeOrder(new ExchangeOrderCommand("shopify-us",
                order.getPlatformOrderId(), List.of(new ExchangeLine("NEVER-SOLD-" + run, 1)), null,
                "case:SBR-" + run + ":unknown"))).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no variant with SKU");
    }

    @Test
    void ebayAndAmazonExchangesGoToAPerson() {
        SalesOrder ebay = demoOrder("ebay-de", "\\d{2}-\\d{5}-\\d{5}");
        SalesOrder amazon = demoOrder("amazon-de", "\\d{3}-\\d{7}-\\d{7}");

        assertThatThrownBy(() -> marketplace.createExchangeOrder(new ExchangeOrderCommand("ebay-de",
                ebay.getPlatformOrderId(), List.of(new ExchangeLine("KNIT-SWEATER-L", 1)), null, "x:" + run)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("Seller Hub");
        assertThatThrownBy(() -> marketplace.createExchangeOrder(new ExchangeOrderCommand("amazon-de",
                amazon.getPlatformOrderId(), List.of(new ExchangeLine("KNIT-SWEATER-L", 1)), null, "y:" + run)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("Multi-Channel Fulfillment");
    }
}
