package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayValues.reference;
import static com.helloword.aftersales.platform.ebay.EbayValues.withReference;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**

/**
 * Buyer messages through the Commerce Message API v1: into the conversation with the buyer about the order's
 * listing, once per idempotency key (the message ends with its reference, looked for first).
 */
final class EbayMessages {

    private static final int MESSAGE_LIMIT = 2000;
    private static final int MESSAGE_PAGE = 50;
    private static final int MESSAGES_SEARCHED = 200;

    private final EbayApi api;
    private final ProviderClient client;

    EbayMessages(EbayApi api) {
        this.api = api;
        this.client = api.client();
    }

    void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        String ref = reference(command.idempotencyKey());
        String text = withReference(command.text(), ref);
        if (text.length() > MESSAGE_LIMIT) {
            throw new IllegalArgumentException("eBay messages have at most " + MESSAGE_LIMIT + " characters, this"
                    + " one " + text.length());
        }
        api.call("sendBuyerMessage", store, false, session -> {
            JsonNode order = session.get(Family.REST, session.uri("/sell/fulfillment/v1/order/{orderId}",
                    Map.of("orderId", command.platformOrderId())));
            String buyer = client.require(order, "/buyer/username").asText();
            String itemId = client.require(order, "/lineItems/0/legacyItemId").asText();
            URI search = session.uri("/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS"
                    + "&other_party_username={buyer}&reference_type=LISTING&reference_id={itemId}&limit={limit}",
                    Map.of("buyer", buyer, "itemId", itemId, "limit", MESSAGE_PAGE));
            String conversationId = null;
            for (JsonNode conversation : session.get(Family.REST, search).path("conversations")) {
                if (sentBefore(session, conversation, ref)) {
                    return null;
                }
                if (conversationId == null) {
                    conversationId = client.require(conversation, "/conversationId").asText();
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (conversationId != null) {
                body.put("conversationId", conversationId);
            } else {
                body.put("otherPartyUsername", buyer);
                body.put("reference", Map.of("referenceType", "LISTING", "referenceId", itemId));
            }
            body.put("messageText", text);
            client.require(session.post(Family.REST, session.uri("/commerce/message/v1/send_message", Map.of()),
                    body), "/messageId");
            return null;
        });
    }

    private boolean sentBefore(Session session, JsonNode conversation, String ref) {
        if (conversation.at("/latestMessage/messageBody").asText("").contains(ref)) {
            return true;
        }
        String conversationId = client.require(conversation, "/conversationId").asText();
        for (int offset = 0; offset < MESSAGES_SEARCHED; offset += MESSAGE_PAGE) {
            JsonNode page = session.get(Family.REST, session.uri("/commerce/message/v1/conversation/{id}"
                    + "?conversation_type=FROM_MEMBERS&limit={limit}&offset={offset}",
                    Map.of("id", conversationId, "limit", MESSAGE_PAGE, "offset", offset)));
            for (JsonNode message : page.path("messages")) {
                if (message.path("messageBody").asText("").contains(ref)) {
                    return true;
                }
            }
            if (!page.hasNonNull("next")) {
                break;
            }
        }
        return false;
    }
}
