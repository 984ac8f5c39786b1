package com.helloword.aftersales.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A clock tests can move forward; starts at the real time. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Fixes this clock and the engine's ({@code ClockUtil}) at the same moment; undo with {@link #resumeRealTime}. */
    public void fixWithEngine(Instant instant) {
        set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** This clock and the engine's back to real time, after a test that fixed them. */
    public void resumeRealTime() {
        ClockUtil.reset();
        set(Instant.now());
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
