package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.order;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Commerce Message API v1 getConversations, getConversation and sendMessage, as eBay documents them. */
class EbayMessageTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String CONVERSATIONS = "/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS"
            + "&other_party_username=buyer_jo&reference_type=LISTING&reference_id=110551234567&limit=50";
    static final String CONVERSATION = "/commerce/message/v1/conversation/CV-1200345"
            + "?conversation_type=FROM_MEMBERS&limit=50&offset=0";
    static final String SEND = "/commerce/message/v1/send_message";
    static final String MESSAGE_KEY = "case:AS-3:message";
    static final String SENT = """
            {"messageId": "MSG-99001", "createdDate": "2026-03-12T08:30:00.000Z", "messageBody": "…",
             "senderUserName": "helloword_store", "recipientUserName": "buyer_jo", "readStatus": false}""";

    EbayAdapter adapter;
    StoreConnection us;
    BuyerMessageCommand message = new BuyerMessageCommand("ebay-us", "12-09876-54321",
            "Your replacement powerbank ships today.", MESSAGE_KEY);

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), new MutableClock());
        us = EbayTestSupport.usStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo("/sell/fulfillment/v1/order/12-09876-54321")).willReturn(okJson(order())));
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(SENT);
    }

    private static String conversations(String latestBody) {
        return """
                {"conversations": [{"conversationId": "CV-1200345", "conversationStatus": "ACTIVE",
                  "conversationTitle": "Powerbank 20000 mAh USB-C PD 65W", "conversationType": "FROM_MEMBERS",
                  "createdDate": "2026-03-03T10:00:00.000Z", "referenceId": "110551234567", "referenceType": "LISTING",
                  "unreadCount": 0, "latestMessage": {"messageId": "MSG-1", "messageBody": "%s",
                    "senderUsername": "buyer_jo", "recipientUsername": "helloword_store", "readStatus": true,
                    "createdDate": "2026-03-03T10:00:00.000Z"}}],
                 "limit": 50, "offset": 0, "total": 1}""".formatted(latestBody);
    }

    private static MappingBuilder conversationsStub() {
        return get(urlEqualTo(CONVERSATIONS));
    }

    @Test
    void aFirstMessageStartsAConversationAboutTheListing() {
        ebay.stubFor(conversationsStub().willReturn(okJson("""
                {"conversations": [], "limit": 50, "offset": 0, "total": 0}""")));
        ebay.stubFor(post(urlEqualTo(SEND)).willReturn(created()));

        adapter.sendBuyerMessage(us, message);

        ebay.verify(postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withRequestBody(matchingJsonPath("$.otherPartyUsername", equalTo("buyer_jo")))
                .withRequestBody(matchingJsonPath("$.reference.referenceType", equalTo("LISTING")))
                .withRequestBody(matchingJsonPath("$.reference.referenceId", equalTo("110551234567")))
                .withRequestBody(matchingJsonPath("$.messageText", containing("ships today")))
                .withRequestBody(matchingJsonPath("$.messageText", containing(EbayValues.reference(MESSAGE_KEY)))));
    }

    @Test
    void aMessageGoesIntoTheConversationThatIsAlreadyThere() {
        ebay.stubFor(conversationsStub().willReturn(okJson(conversations("Is it compatible with my laptop?"))));
        ebay.stubFor(get(urlEqualTo(CONVERSATION)).willReturn(okJson("""
                {"conversationStatus": "ACTIVE", "conversationType": "FROM_MEMBERS", "limit": 50, "offset": 0,
                 "total": 1, "messages": [{"messageId": "MSG-1", "messageBody": "Is it compatible with my laptop?",
                   "senderUsername": "buyer_jo", "recipientUsername": "helloword_store", "readStatus": true}]}""")));
        ebay.stubFor(post(urlEqualTo(SEND)).willReturn(created()));

        adapter.sendBuyerMessage(us, message);

        ebay.verify(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.conversationId", equalTo("CV-1200345")))
                .withRequestBody(matchingJsonPath("$.otherPartyUsername", absent())));
    }

    @Test
    void theSameMessageTwiceIsSentOnce() {
        String ref = EbayValues.reference(MESSAGE_KEY);
        ebay.stubFor(conversationsStub().inScenario("message").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"conversations\": [], \"limit\": 50, \"offset\": 0, \"total\": 0}")));
        ebay.stubFor(post(urlEqualTo(SEND)).inScenario("message").willReturn(created()).willSetStateTo("sent"));
        ebay.stubFor(conversationsStub().inScenario("message").whenScenarioStateIs("sent")
                .willReturn(okJson(conversations("Your replacement powerbank ships today.\\n\\n" + ref))));

        adapter.sendBuyerMessage(us, message);
        adapter.sendBuyerMessage(us, message);

        ebay.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }
}
