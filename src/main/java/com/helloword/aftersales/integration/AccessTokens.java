package com.helloword.aftersales.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * OAuth access tokens of one provider, cached per credentials reference until shortly before they
 * expire. Each node fetches its own (tokens are not shared state). Used through
 * {@link ProviderClient#callWithToken}: a 401 drops the token, fetches a new one and tries once more.
 */
public final class AccessTokens {

    /** A token and when it stops working. */
    public record Token(Secret value, Instant expiresAt) {
    }

    static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    public AccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** The cached token for this key, or a fresh one from {@code fetch} when none is left that lasts a minute. */
    public Secret token(String key, Supplier<Token> fetch) {
        Token token = cache.compute(key, (k, cached) ->
                cached != null && cached.expiresAt().isAfter(clock.instant().plus(EARLY_REFRESH)) ? cached : fetch.get());
        return token.value();
    }

    public void invalidate(String key) {
        cache.remove(key);
    }
}
