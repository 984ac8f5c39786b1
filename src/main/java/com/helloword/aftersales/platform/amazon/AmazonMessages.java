package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.AMAZON;
import static com.helloword.aftersales.platform.amazon.AmazonAdapter.PROVIDER;
import static com.helloword.aftersales.platform.amazon.SpApi.encode;
import static com.helloword.aftersales.platform.amazon.SpApi.marketplaceId;
import static com.helloword.aftersales.platform.amazon.SpApi.refused;
import static com.helloword.aftersales.platform.amazon.SpApi.required;
import static com.helloword.aftersales.platform.amazon.SpApi.uri;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.amazon.SpApiErrors.SpApiError;

/**
 * Buyer messages through the Messaging API v1: {@code getMessagingActionsForOrder}, then
 * {@code createUnexpectedProblem}, the one message type that fits after-sales.
 */
final class AmazonMessages {

    static final String UNEXPECTED_PROBLEM = "unexpectedProblem";
    static final int MAX_MESSAGE_LENGTH = 2000;

    private static final String MESSAGING = "/messaging/v1/orders/";
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /** Body of {@code createUnexpectedProblem}. */
    record UnexpectedProblemRequest(String text) {
    }

    private final SpApi api;
    private final ProviderClient client;

    AmazonMessages(SpApi api) {
        this.api = api;
        this.client = api.client();
    }

    /**
     * Sends the text as an "unexpected problem" message, if Amazon offers that message type for the order now.
     * Amazon has no idempotency for messages: the caller makes sure a sent message is not sent again. A send whose
     * answer is lost (timeout, 5xx) is not retried here: the failure goes to the caller, because Amazon may have
     * delivered it.
     */
    void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        UnexpectedProblemRequest message = new UnexpectedProblemRequest(checkedMessage(command.text()));
        String order = MESSAGING + encode(required(command.platformOrderId(), "Amazon order id"));
        String query = "marketplaceIds=" + encode(marketplaceId(store));
        api.withToken("sendBuyerMessage", store, false, token -> {
            JsonNode actions = api.get(uri(store, order, query), token);
            if (!offered(actions, UNEXPECTED_PROBLEM)) {
                throw new PlatformCannotException(AMAZON, "message the buyer of order " + command.platformOrderId(),
                        "Amazon allows the 'unexpected problem' message only in certain order states, and does not "
                                + "offer it for this order now; answer the buyer in Seller Central (Buyer-Seller "
                                + "Messages) instead");
            }
            String answer = client.body(api.request(HttpMethod.POST,
                    uri(store, order + "/messages/" + UNEXPECTED_PROBLEM, query), token, message));
            List<SpApiError> errors = SpApiErrors.errors(answer);
            if (!errors.isEmpty()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 201, "createUnexpectedProblem answered with errors: "
                        + errors.stream().map(SpApiError::describe).collect(Collectors.joining("; ")));
            }
            return null;
        });
    }

    /** Amazon's rules for this message type, checked before anything is sent. */
    static String checkedMessage(String text) {
        if (text == null || text.isBlank()) {
            throw refused("the message to the buyer is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_MESSAGE_LENGTH) {
            throw refused("the message to the buyer has " + length + " characters; Amazon takes at most "
                    + MAX_MESSAGE_LENGTH);
        }
        if (HTML_TAG.matcher(text).find()) {
            throw refused("Amazon does not allow HTML in messages to buyers; send plain text");
        }
        if (EMAIL_ADDRESS.matcher(text).find()) {
            throw refused("Amazon does not allow e-mail addresses in messages to buyers; remove it from the text");
        }
        return text;
    }

    private boolean offered(JsonNode actions, String name) {
        for (JsonNode action : client.require(actions, "/_links/actions")) {
            if (name.equals(action.path("name").asText())
                    || action.path("href").asText().contains("/messages/" + name + "?")) {
                return true;
            }
        }
        return false;
    }
}
