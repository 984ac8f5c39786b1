package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;

/**
 * Issue 19, point 9: the return forms in Tasklist speak in words and in the store's time, and the timeline
 * never says "null" (an order not delivered yet has its window start at the delivery).
 */
class ReturnWordsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_NINE_UTC = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void theCodesOfAReturnAreShownInWords() {
        assertThat(ReturnWords.reason("CHANGED_MIND")).isEqualTo("Changed their mind");
        assertThat(ReturnWords.refusal("WINDOW_PASSED")).isEqualTo("The return period has passed");
        assertThat(ReturnWords.source("SELF_SERVICE")).isEqualTo("The buyer's self-service page");
        assertThat(ReturnWords.step("FROM_PLATFORM")).isEqualTo("Opened on the platform");
        assertThat(ReturnWords.status("AWAITING_APPROVAL")).isEqualTo("Waiting for an agent's approval");
        assertThat(ReturnWords.wanted("EXCHANGE")).isEqualTo("an exchange");
        assertThat(ReturnWords.payer("BUYER")).isEqualTo("the buyer");
        // every code the return knows has words of its own, and one nobody named yet is never shown raw
        for (String reason : ReturnReasons.ALL) {
            assertThat(ReturnWords.reason(reason)).as(reason).doesNotContain("_").isNotEqualTo(reason);
        }
        for (ReturnRequest.Source source : ReturnRequest.Source.values()) {
            assertThat(ReturnWords.source(source.name())).as(source.name()).doesNotContain("_")
                    .isNotEqualTo(ReturnWords.humanised(source.name()));
        }
        for (ReturnRequest.Outcome outcome : ReturnRequest.Outcome.values()) {
            assertThat(ReturnWords.outcome(outcome.name())).as(outcome.name()).doesNotContain("_");
        }
        assertThat(ReturnWords.step("SOMETHING_NEW")).isEqualTo("Something new");
    }

    @Test
    void theCodesInATimelineDetailAreShownInWordsAndTheRestAsWritten() {
        assertThat(ReturnWords.inText("SELF_SERVICE: CHANGED_MIND, wants REFUND"))
                .isEqualTo("the buyer's self-service page: changed their mind, wants refund");
        assertThat(ReturnWords.inText("SHOPIFY return 123 of DAMAGED-BOX via DHL JJD00123: WRONG_ITEM"))
                .isEqualTo("Shopify return 123 of DAMAGED-BOX via DHL JJD00123: wrong item sent");
        assertThat(ReturnWords.inText("refused: WINDOW_PASSED")).isEqualTo("refused: the return period has passed");
        assertThat(ReturnWords.inText(null)).isNull();
    }

    @Test
    void theReviewFormShowsWordsAndTheStoresTime() {
        ReturnRequest refused = new ReturnRequest("RMA-00000000AB", null, order(), new Buyer("x@example.de"),
                "SHIRT-BLUE-M", ReturnRequest.Source.SELF_SERVICE, "CHANGED_MIND", ReturnRequest.Wanted.REFUND,
                MONDAY_NINE_UTC);
        refused.decide(false, 14, LocalDate.parse("2026-11-10"), "BUYER", false, false, false, "WINDOW_PASSED",
                "returnPolicy:3", MONDAY_NINE_UTC.plusSeconds(60));
        refused.record("FROM_PLATFORM", "EBAY return 5000012345", MONDAY_NINE_UTC.plusSeconds(120));

        String shown = ReturnTaskListener.markdown(ReturnView.of(refused, null), BERLIN);

        assertThat(shown).contains("Changed their mind", "wants a refund", "The buyer's self-service page",
                "**Refused by the policy:** The return period has passed", "postage paid by the buyer",
                "When (Europe/Berlin)", "| 2026-11-23 10:00 | Requested |", "| 2026-11-23 10:01 | Refused by the policy |",
                "| Opened on the platform | eBay return 5000012345 |", "refused: the return period has passed");
        assertThat(shown).doesNotContain("CHANGED_MIND", "WINDOW_PASSED", "FROM_PLATFORM", "SELF_SERVICE", "BUYER")
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?Z");
    }

    @Test
    void anOrderNotDeliveredYetHasItsWindowStartAtTheDelivery() {
        ReturnRequest early = new ReturnRequest("RMA-00000000CD", null, order(), new Buyer("x@example.de"),
                "SHIRT-BLUE-M", ReturnRequest.Source.SELF_SERVICE, "CHANGED_MIND", ReturnRequest.Wanted.REFUND,
                MONDAY_NINE_UTC);
        early.decide(true, 14, null, "BUYER", false, false, false, null, "returnPolicy:3", MONDAY_NINE_UTC);
        early.close(null, MONDAY_NINE_UTC);

        assertThat(early.getTimeline()).allSatisfy(event -> assertThat(String.valueOf(event.getDetail()))
                .doesNotContain("until null", "null,"));
        assertThat(early.getTimeline().get(1).getDetail()).startsWith("return within 14 days of the delivery");
        assertThat(early.getTimeline().get(2).getDetail()).isNull();
        assertThat(ReturnTaskListener.markdown(ReturnView.of(early, null), BERLIN))
                .contains("window 14 days from the delivery (not delivered yet)").doesNotContain("null");
    }

    private static SalesOrder order() {
        Store store = new Store("shopify-de-words", "Helloword Hemden DE", Platform.SHOPIFY, "DE",
                Currency.getInstance("EUR"), "de", "Europe/Berlin");
        return new SalesOrder(store, "#4711", new Buyer("x@example.de"));
    }
}
