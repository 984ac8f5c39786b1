package com.helloword.aftersales.platform;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;

/** Where and as whom an adapter reaches a store; the credentials themselves are fetched by reference. */
public record StoreConnection(String storeId, Platform platform, String apiBaseUrl, String accountId,
        String marketplaceId, String credentialsRef, String currency, String language) {

    public static StoreConnection of(Store store) {
        return new StoreConnection(store.getId(), store.getPlatform(), stripSlash(store.getApiBaseUrl()),
                store.getPlatformAccountId(), store.getPlatformMarketplaceId(), store.getCredentialsRef(),
                store.getCurrency(), store.getDefaultLanguage());
    }

    private static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
