package com.helloword.aftersales.platform;

/**
 * Where a platform's pushed news of returns goes (Shopify's return webhooks): the port a webhook calls,
 * implemented by the returns capability, so an adapter knows no capability. Called inside the webhook's
 * transaction: an exception rolls it back and the platform delivers the webhook again.
 */
public interface PlatformReturnNotices {

    /**
     * Takes one return the platform pushed; answers one line for the webhook's log (the platform return's
     * id, what became of it, and the problem if any).
     *
     * @throws IllegalArgumentException when the platform return has no id or no order id, or the store is unknown
     */
    String received(String storeId, MarketplacePort.PlatformReturn platformReturn);

    /** The platform's new state of a return it pushed before; answers how many kept returns it touched. */
    int stateChanged(String storeId, String platformReturnId, String state);
}
