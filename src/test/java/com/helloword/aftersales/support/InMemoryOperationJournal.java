package com.helloword.aftersales.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.helloword.aftersales.integration.OperationJournal;

/** The operation journal for adapter unit tests, which run without a database. */
public class InMemoryOperationJournal implements OperationJournal {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(String provider, String key) {
        return Optional.ofNullable(entries.get(provider + "\u0000" + key));
    }

    @Override
    public void attempted(String provider, String key, String before) {
        entries.put(provider + "\u0000" + key, new Entry(State.ATTEMPTED, before, null));
    }

    @Override
    public void done(String provider, String key, String result) {
        Entry previous = entries.get(provider + "\u0000" + key);
        entries.put(provider + "\u0000" + key, new Entry(State.DONE, previous == null ? null : previous.before(),
                result));
    }

    @Override
    public void forget(String provider, String key) {
        entries.remove(provider + "\u0000" + key);
    }
}
