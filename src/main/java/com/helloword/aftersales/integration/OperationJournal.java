package com.helloword.aftersales.integration;

import java.util.Optional;

/**
 * What this system asked a provider to do, by (provider, idempotency key), for operations the
 * provider cannot de-duplicate itself. An adapter records an attempt (with what it saw before) before
 * sending, the result when the provider answers, and forgets the attempt when the provider certainly
 * did nothing. Shared by all nodes and kept across restarts; every write stands on its own, so it
 * survives the rollback of the job that made the call.
 */
public interface OperationJournal {

    enum State {
        ATTEMPTED, DONE
    }

    /** One entry: its state, what the adapter saw before the attempt, and the result once done. */
    record Entry(State state, String before, String result) {
    }

    Optional<Entry> find(String provider, String key);

    void attempted(String provider, String key, String before);

    void done(String provider, String key, String result);

    void forget(String provider, String key);
}
