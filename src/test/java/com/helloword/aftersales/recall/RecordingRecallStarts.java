package com.helloword.aftersales.recall;

import java.util.Comparator;
import java.util.List;

/**
 * What the real recall service started, read back from the recall rows: each start's command as the recall
 * records it, who started it and the recall's id. The trigger and notice tests use the application as it is (one
 * shared test context), so a start is the real one: registered, with its process running.
 */
final class RecordingRecallStarts {

    record Started(RecallStarts.StartRecall command, String startedBy, Long recallId) {
    }

    private final RecallRepository recalls;

    RecordingRecallStarts(RecallRepository recalls) {
        this.recalls = recalls;
    }

    List<Started> of(String sku) {
        return recalls.findAll().stream().filter(r -> r.getSku().equals(sku))
                .sorted(Comparator.comparing(Recall::getId))
                .map(r -> new Started(new RecallStarts.StartRecall(r.getSku(), r.getBatches(), r.getCountries(),
                        r.getStoreIds(), r.getReason(), r.getSource(), r.getSourceRef()), r.getCreatedBy(), r.getId()))
                .toList();
    }
}
