package com.helloword.aftersales.platform.shopify;

import static com.helloword.aftersales.platform.shopify.ShopifyAdapter.PROVIDER;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.numericId;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.requireNoUserErrors;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * The returns buyers requested on Shopify (they arrive by webhook): their lines, and accepting or declining one,
 * which reads its status first, so a repeat reports what is already so.
 */
final class ShopifyReturns {

    private static final String RETURN_STATUS = """
            query ReturnStatus($id: ID!) { return(id: $id) { id status } }""";

    /**
     * Return.returnLineItems is a connection of the ReturnLineItemType interface; only a ReturnLineItem
     * (not an UnverifiedReturnLineItem) reaches the order's line item, whose sku is null for a custom item.
     */
    private static final String RETURN_LINES = """
            query ReturnLines($id: ID!) { return(id: $id) { id status
              returnLineItems(first: 50) { nodes { id quantity
                ... on ReturnLineItem { fulfillmentLineItem { lineItem { sku } } } } } } }""";

    private static final String RETURN_APPROVE = """
            mutation ReturnApprove($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) {
              return { id status } userErrors { code field message } } }""";

    private static final String RETURN_DECLINE = """
            mutation ReturnDecline($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) {
              return { id status } userErrors { code field message } } }""";

    private final ShopifyGraphql api;
    private final ProviderClient client;

    ShopifyReturns(ShopifyGraphql api, ProviderClient client) {
        this.api = api;
        this.client = client;
    }

    /**
     * The lines of a Return by the return line item's numeric id, for the returns/request webhook whose
     * payload names no SKU. Read under the store's guards, retried like every read.
     *
     * @throws ProviderFailure REJECTED where the store has no such return; retryable kinds when Shopify
     *         could not answer
     */
    Map<String, ShopifyAdapter.ReturnLine> returnLines(StoreConnection store, String returnId) {
        String returnGid = ShopifyAdapter.returnGid(returnId);
        return client.call(store.storeId(), "returnLines", () -> {
            JsonNode found = api.graphql(store, RETURN_LINES, Map.of("id", returnGid)).path("return");
            if (!found.isObject()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no return " + returnGid + " in "
                        + store.storeId());
            }
            Map<String, ShopifyAdapter.ReturnLine> lines = new LinkedHashMap<>();
            for (JsonNode line : client.require(found, "/returnLineItems/nodes")) {
                String sku = line.at("/fulfillmentLineItem/lineItem/sku").asText("").strip();
                lines.put(numericId(client.require(line, "/id").asText()),
                        new ShopifyAdapter.ReturnLine(sku.isEmpty() ? null : sku,
                                Math.max(1, line.path("quantity").asInt(1))));
            }
            return lines;
        });
    }

    /**
     * {@code returnApproveRequest} on a REQUESTED return (status OPEN afterwards); one that is OPEN or
     * CLOSED already was accepted before. One the merchant declined or the buyer cancelled on Shopify
     * cannot be accepted through the API ({@link PlatformCannotException}: reopen it there or handle it by
     * hand). Shopify's own mail to the buyer stays off: this system tells the buyer how to send the parcel.
     */
    PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnGid = ShopifyAdapter.returnGid(command.platformReturnId());
        return client.call(store.storeId(), "approvePlatformReturn", () -> {
            String status = returnStatus(store, returnGid);
            if ("OPEN".equals(status) || "CLOSED".equals(status)) {
                return new PlatformReturnResult(status, true);
            }
            if ("DECLINED".equals(status) || "CANCELED".equals(status)) {
                throw new PlatformCannotException("Shopify", "accept return " + returnGid + ", which is " + status
                        + " on Shopify,", "the buyer's return was " + ("DECLINED".equals(status) ? "declined"
                                : "cancelled") + " on Shopify; reopen it there or handle it by hand");
            }
            if (!"REQUESTED".equals(status)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnGid + " is " + status
                        + " on Shopify and can no longer be accepted");
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", returnGid);
            input.put("notifyCustomer", false);
            JsonNode payload = api.graphql(store, RETURN_APPROVE, Map.of("input", input)).path("returnApproveRequest");
            requireNoUserErrors(payload, "returnApproveRequest");
            return new PlatformReturnResult(payload.at("/return/status").asText("OPEN"), false);
        });
    }

    /**
     * {@code returnDeclineRequest} on a REQUESTED return, reason OTHER (the port gives no reason code;
     * Shopify's others are RETURN_PERIOD_ENDED and FINAL_SALE) with the command's note as the decline note
     * Shopify mails to the buyer. One that is DECLINED already reports it as done. Shopify declines a
     * Return as a whole, so one line of a return with several ({@code 7081:91}) is not declined here, and
     * neither is a return accepted (OPEN, CLOSED) or cancelled meanwhile: both are a
     * {@link PlatformCannotException} whose advice the caller keeps as work by hand.
     */
    PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnGid = ShopifyAdapter.returnGid(command.platformReturnId());
        if (ShopifyAdapter.isLine(command.platformReturnId())) {
            throw new PlatformCannotException("Shopify", "decline one line of return " + returnGid,
                    "Shopify declines a whole return; decline or adjust the line in Shopify admin");
        }
        return client.call(store.storeId(), "declinePlatformReturn", () -> {
            String status = returnStatus(store, returnGid);
            if ("DECLINED".equals(status)) {
                return new PlatformReturnResult(status, true);
            }
            if ("OPEN".equals(status) || "CLOSED".equals(status) || "CANCELED".equals(status)) {
                throw new PlatformCannotException("Shopify", "decline return " + returnGid + ", which is " + status
                        + " on Shopify,", "CANCELED".equals(status)
                                ? "the buyer cancelled the return on Shopify; there is nothing left to decline"
                                : "the return was accepted on Shopify and can no longer be declined; close or "
                                        + "cancel it in Shopify admin if it must not go ahead");
            }
            if (!"REQUESTED".equals(status)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnGid + " is " + status
                        + " on Shopify and can no longer be declined");
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", returnGid);
            input.put("declineReason", "OTHER");
            String note = command.note() == null ? "" : command.note().strip();
            if (!note.isEmpty()) {
                input.put("declineNote", note.length() <= ShopifyAdapter.DECLINE_NOTE_MAX ? note
                        : note.substring(0, ShopifyAdapter.DECLINE_NOTE_MAX));
            }
            input.put("notifyCustomer", true);
            JsonNode payload = api.graphql(store, RETURN_DECLINE, Map.of("input", input)).path("returnDeclineRequest");
            requireNoUserErrors(payload, "returnDeclineRequest");
            return new PlatformReturnResult(payload.at("/return/status").asText("DECLINED"), false);
        });
    }

    private String returnStatus(StoreConnection store, String returnGid) {
        JsonNode found = api.graphql(store, RETURN_STATUS, Map.of("id", returnGid)).path("return");
        if (!found.isObject()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no return " + returnGid + " in "
                    + store.storeId());
        }
        return client.require(found, "/status").asText();
    }
}
