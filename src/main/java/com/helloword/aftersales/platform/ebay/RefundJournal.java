package com.helloword.aftersales.platform.ebay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.helloword.aftersales.platform.MarketplacePort.RefundResult;

/**
 * What this node remembers of the refunds it asked eBay for, by store and idempotency key. eBay's refund calls
 * take no idempotency key, and getOrder does not return the refund comment, so a repeated refund cannot be
 * recognised from eBay's side alone: an {@link Attempt} is written before the refund is sent, with the refund ids
 * the order had then, and becomes {@link Issued} when eBay answers. A retry after a lost answer takes the refund
 * that appeared since the attempt as its own. Memory only, bounded: it covers retries on this node (the provider
 * client's retries and a job retried here), not a retry on another node or after a restart.
 */
final class RefundJournal {

    /** What is known about one refund request. */
    sealed interface Entry permits Attempt, Issued {
    }

    /** Sent (or about to be), answer not seen; the order had these refunds before. */
    record Attempt(Set<String> refundIdsBefore) implements Entry {
    }

    /** eBay accepted the refund. */
    record Issued(RefundResult result) implements Entry {
    }

    private static final int CAPACITY = 10_000;

    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    });

    Entry find(String key) {
        return entries.get(key);
    }

    void attempted(String key, Set<String> refundIdsBefore) {
        entries.put(key, new Attempt(Set.copyOf(refundIdsBefore)));
    }

    void issued(String key, RefundResult result) {
        entries.put(key, new Issued(result));
    }

    /** eBay said no for certain: nothing was refunded, a new request may go out. */
    void forget(String key) {
        entries.remove(key);
    }
}
