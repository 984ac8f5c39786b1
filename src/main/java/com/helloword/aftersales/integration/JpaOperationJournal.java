package com.helloword.aftersales.integration;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link OperationJournal} in the case-file database, each write in a transaction of its own. */
@Component
class JpaOperationJournal implements OperationJournal {

    private static final int MAX = 2000;

    private final ProviderOperationRepository operations;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    JpaOperationJournal(ProviderOperationRepository operations, PlatformTransactionManager transactions, Clock clock) {
        this.operations = operations;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String provider, String key) {
        return ownTransaction.execute(status -> operations.findByProviderAndIdempotencyKey(provider, key)
                .filter(o -> o.entry().state() != null).map(ProviderOperation::entry));
    }

    @Override
    public void attempted(String provider, String key, String before) {
        write(provider, key, row -> {
            if (row.entry().state() == State.DONE) {
                throw new IllegalStateException(provider + " operation " + key + " is done already");
            }
            row.attempted(cut(before), clock.instant());
        });
    }

    @Override
    public void done(String provider, String key, String result) {
        write(provider, key, row -> row.done(cut(result), clock.instant()));
    }

    @Override
    public void forget(String provider, String key) {
        ownTransaction.executeWithoutResult(status -> operations.findByProviderAndIdempotencyKey(provider, key)
                .ifPresent(operations::delete));
    }

    /** Changes the row, or creates it complete (Hibernate takes an insert's values when it is saved). */
    private void write(String provider, String key, Consumer<ProviderOperation> change) {
        ownTransaction.executeWithoutResult(status -> {
            ProviderOperation existing = operations.findByProviderAndIdempotencyKey(provider, key).orElse(null);
            if (existing != null) {
                change.accept(existing);
            } else {
                ProviderOperation created = new ProviderOperation(provider, key, clock.instant());
                change.accept(created);
                operations.save(created);
            }
        });
    }

    private static String cut(String value) {
        if (value != null && value.length() > MAX) {
            throw new IllegalArgumentException("journal entries hold at most " + MAX + " characters");
        }
        return value;
    }
}
