package com.helloword.aftersales.recall;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the recall service behind {@link RecallStarts} in the trigger tests: records each start and writes
 * the recall row (state ASSESSING, as a started recall is), without the five-stage process, so "an open recall of
 * the SKU" holds as it would.
 */
class RecordingRecallStarts implements RecallStarts {

    record Started(StartRecall command, String startedBy, Long recallId) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        RecordingRecallStarts recordingRecallStarts(RecallRepository recalls, Clock clock) {
            return new RecordingRecallStarts(recalls, clock);
        }
    }

    private final RecallRepository recalls;
    private final Clock clock;
    private final List<Started> started = new CopyOnWriteArrayList<>();

    RecordingRecallStarts(RecallRepository recalls, Clock clock) {
        this.recalls = recalls;
        this.clock = clock;
    }

    @Override
    public Recall start(StartRecall command, String startedBy) {
        Recall recall = recalls.save(new Recall("RC-T" + System.nanoTime() % 100_000_000, command.sku(),
                command.batches(), command.countries(), command.storeIds(), command.reason(), command.source(),
                command.sourceRef(), startedBy, clock.instant()));
        started.add(new Started(command, startedBy, recall.getId()));
        return recall;
    }

    List<Started> of(String sku) {
        return started.stream().filter(s -> s.command().sku().equals(sku)).toList();
    }
}
