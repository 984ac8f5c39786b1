package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One storefront on one platform and market. Connection settings name where and as whom to
 * connect; the secrets themselves live in the environment under {@link #getCredentialsRef()}.
 */
@Entity
@Table(name = "stores")
public class Store {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Platform platform;
    private String marketplaceCountry;
    private String currency;
    private String defaultLanguage;
    private String timeZone;
    private String platformAccountId;
    private String platformMarketplaceId;
    private String apiBaseUrl;
    private String credentialsRef;
    private boolean active = true;
    @Column(updatable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Store() {
    }

    public Store(String id, String name, Platform platform, String marketplaceCountry, Currency currency,
            String defaultLanguage, String timeZone) {
        this.id = id;
        this.name = name;
        this.platform = platform;
        this.marketplaceCountry = marketplaceCountry;
        this.currency = currency.getCurrencyCode();
        this.defaultLanguage = defaultLanguage;
        this.timeZone = timeZone;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public Store connection(String platformAccountId, String platformMarketplaceId, String apiBaseUrl,
            String credentialsRef) {
        this.platformAccountId = platformAccountId;
        this.platformMarketplaceId = platformMarketplaceId;
        this.apiBaseUrl = apiBaseUrl;
        this.credentialsRef = credentialsRef;
        return this;
    }

    /** Points the store's API calls somewhere else (the embedded default's sandbox). */
    public void pointApiTo(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Platform getPlatform() { return platform; }
    public String getMarketplaceCountry() { return marketplaceCountry; }
    public String getCurrency() { return currency; }
    public String getDefaultLanguage() { return defaultLanguage; }
    public String getTimeZone() { return timeZone; }
    public String getPlatformAccountId() { return platformAccountId; }
    public String getPlatformMarketplaceId() { return platformMarketplaceId; }
    public String getApiBaseUrl() { return apiBaseUrl; }
    public String getCredentialsRef() { return credentialsRef; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
}
