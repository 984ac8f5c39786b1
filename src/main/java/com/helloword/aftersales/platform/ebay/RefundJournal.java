package com.helloword.aftersales.platform.ebay;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.helloword.aftersales.integration.OperationJournal;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;

/**
 * The refunds this system asked eBay for, by store and idempotency key, kept in the shared
 * {@link OperationJournal} (all nodes, across restarts). eBay's refund calls take no idempotency key
 * and getOrder does not return the refund comment, so a repeated refund cannot be recognised from
 * eBay's side alone: an {@link Attempt} is written before the refund is sent, with the refund ids the
 * order had then, and becomes {@link Issued} when eBay answers. A retry after a lost answer, on any
 * node, takes the refund that appeared since the attempt as its own.
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

    private static final String PROVIDER = "ebay";

    private final OperationJournal journal;

    RefundJournal(OperationJournal journal) {
        this.journal = journal;
    }

    Entry find(String key) {
        return journal.find(PROVIDER, key).map(entry -> entry.state() == OperationJournal.State.DONE
                ? (Entry) new Issued(result(entry.result())) : new Attempt(ids(entry.before()))).orElse(null);
    }

    void attempted(String key, Set<String> refundIdsBefore) {
        journal.attempted(PROVIDER, key, String.join(",", refundIdsBefore));
    }

    void issued(String key, RefundResult result) {
        journal.done(PROVIDER, key, String.join("\t", result.platformRefundId(), result.amount().toPlainString(),
                result.currency(), String.valueOf(result.alreadyDone())));
    }

    /** eBay said no for certain: nothing was refunded, a new request may go out. */
    void forget(String key) {
        journal.forget(PROVIDER, key);
    }

    private static Set<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    private static RefundResult result(String stored) {
        String[] parts = stored.split("\t");
        return new RefundResult(parts[0], new BigDecimal(parts[1]), parts[2], Boolean.parseBoolean(parts[3]));
    }
}
