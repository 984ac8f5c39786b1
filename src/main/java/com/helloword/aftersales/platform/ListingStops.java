package com.helloword.aftersales.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helloword.aftersales.integration.OperationJournal;

/**
 * What this system stopped selling, per store and SKU, so that a relist puts back what was there. Every platform
 * delists by setting stock to 0, and no platform keeps the number it had before: an adapter records, before it
 * zeroes, the quantities it is about to change (named by the adapter: a fulfillment channel, an offer, an inventory
 * level, a product's status) and a relist sets those back. Kept in the shared {@link OperationJournal}, so it holds
 * across nodes and restarts. A relist's actions are kept under its idempotency key, so a repeated relist reports
 * the same actions without calling the platform again.
 */
public final class ListingStops {

    private static final String STOP = "listing-stop:";
    private static final String RELIST = "relist:";
    private static final int MAX_KEY = 250;

    private final OperationJournal journal;
    private final String provider;

    public ListingStops(OperationJournal journal, String provider) {
        this.journal = journal;
        this.provider = provider;
    }

    /** The quantities the store had before this system stopped the SKU; empty when it stopped nothing. */
    public Map<String, Integer> before(String storeId, String sku) {
        return journal.find(provider, stopKey(storeId, sku)).map(entry -> decode(entry.result())).orElse(Map.of());
    }

    /**
     * Records quantities about to be set to 0, before the platform is called (so a lost answer loses nothing).
     * Earlier records of the same store and SKU stay; a name seen again takes the newer value, which was what the
     * store offered right before this stop.
     */
    public void remember(String storeId, String sku, Map<String, Integer> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        Map<String, Integer> merged = new LinkedHashMap<>(before(storeId, sku));
        merged.putAll(quantities);
        journal.done(provider, stopKey(storeId, sku), encode(merged));
    }

    /** The actions of an earlier relist with this idempotency key. */
    public Optional<List<String>> relisted(String idempotencyKey) {
        return journal.find(provider, relistKey(idempotencyKey))
                .filter(entry -> entry.state() == OperationJournal.State.DONE)
                .map(entry -> List.of(entry.result().split("\n")));
    }

    /** The relist is done: its actions are kept under its key, the record of the stop is dropped. */
    public void relistDone(String storeId, String sku, String idempotencyKey, List<String> actions) {
        journal.done(provider, relistKey(idempotencyKey), String.join("\n", actions));
        journal.forget(provider, stopKey(storeId, sku));
    }

    private static String stopKey(String storeId, String sku) {
        return bounded(STOP + storeId + ":" + sku);
    }

    private static String relistKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a relist needs an idempotency key");
        }
        return bounded(RELIST + idempotencyKey);
    }

    /** The journal's keys hold 250 characters; a longer one is replaced by its SHA-256. */
    private static String bounded(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, key.indexOf(':') + 1) + "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String encode(Map<String, Integer> quantities) {
        StringBuilder text = new StringBuilder();
        quantities.forEach((name, quantity) -> {
            if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a stop's names hold no tabs or line breaks: " + name);
            }
            text.append(text.isEmpty() ? "" : "\n").append(name).append('\t').append(quantity);
        });
        return text.toString();
    }

    private static Map<String, Integer> decode(String text) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            Arrays.stream(text.split("\n")).map(line -> line.split("\t", 2))
                    .forEach(parts -> quantities.put(parts[0], Integer.valueOf(parts[1])));
        }
        return quantities;
    }
}
