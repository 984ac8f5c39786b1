package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.PlatformFeedCursorRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The claims feed round: the real eBay adapter against the embedded sandbox (an empty page, no failure), a
 * platform without a feed skipped with its reason, and — with a port that plays eBay — two pages of claims opening
 * one dispute and then updating it, the cursor kept between rounds, a claim read again opening nothing new.
 */
@IntegrationTest
class PlatformClaimFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformClaimFeed feed;
    @Autowired
    StoreRepository stores;
    @Autowired
    PlatformFeedCursorRepository cursors;
    @Autowired
    PlatformClaims claims;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    DisputeRepository disputes;
    @Autowired
    DisputeClaimRepository disputeClaims;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void theSandboxEbayStoreAnswersAnEmptyFeedAndAmazonHasNone() {
        assertThat(feed.read("ebay-de")).isEqualTo(new PlatformClaimFeed.StoreRound("ebay-de", 0, 0, null));
        PlatformClaimFeed.StoreRound amazon = feed.read("amazon-de");
        assertThat(amazon.skipped()).isNotBlank();
        assertThat(amazon.read()).isZero();
    }

    @Test
    void claimsFromTheFeedOpenADisputeOnceAndTheCursorCarriesOn() {
        DisputeFixture buyer = new DisputeFixture(new Http(port), providerStubs, stores);
        buyer.importOrders("de", null);
        String store = buyer.disputedStore;
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        PlatformClaimNotice open = new PlatformClaimNotice("EBAY", store, "case:" + buyer.run, buyer.disputedOrder,
                null, "ITEM_NOT_RECEIVED", "OPEN", false, due, new BigDecimal("80.00"), "EUR", "ITEM_NOT_RECEIVED");
        PlatformClaimNotice waiting = new PlatformClaimNotice("EBAY", store, "case:" + buyer.run, buyer.disputedOrder,
                null, "ITEM_NOT_RECEIVED", "WAITING_CS", false, due, new BigDecimal("80.00"), "EUR", "ITEM_NOT_RECEIVED");
        MarketplacePort ebay = mock(MarketplacePort.class);
        when(ebay.platformClaims(argThat(q -> q != null && q.cursor() == null)))
                .thenReturn(new MarketplacePort.PlatformClaimBatch(List.of(open), "page-2", true));
        when(ebay.platformClaims(argThat(q -> q != null && "page-2".equals(q.cursor()))))
                .thenReturn(new MarketplacePort.PlatformClaimBatch(List.of(open), "page-3", false));
        when(ebay.platformClaims(argThat(q -> q != null && "page-3".equals(q.cursor()))))
                .thenReturn(new MarketplacePort.PlatformClaimBatch(List.of(waiting), "page-4", false));
        PlatformClaimFeed rounds = new PlatformClaimFeed(stores, cursors, ebay, claims, transaction, Duration.ofDays(30),
                clock);

        assertThat(rounds.read(store)).isEqualTo(new PlatformClaimFeed.StoreRound(store, 2, 0, null));
        assertThat(cursors.findByStoreIdAndFeed(store, PlatformClaimFeed.FEED).orElseThrow().getCursor())
                .isEqualTo("page-3");
        List<Dispute> opened = disputes.findAll().stream().filter(d -> d.getPlatformOrderId()
                .equals(buyer.disputedOrder)).toList();
        assertThat(opened).singleElement().satisfies(d -> assertThat(d.getSource()).isEqualTo("EBAY"));

        assertThat(rounds.read(store).read()).isEqualTo(1);
        assertThat(cursors.findByStoreIdAndFeed(store, PlatformClaimFeed.FEED).orElseThrow().getCursor())
                .isEqualTo("page-4");
        assertThat(disputeClaims.findBySourceAndClaimId("EBAY", "case:" + buyer.run).orElseThrow().getStatus())
                .isEqualTo("WAITING_CS");
        assertThat(disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(buyer.disputedOrder)))
                .hasSize(1);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(opened.get(0).getKey()).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
    }
}
