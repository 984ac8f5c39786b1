package com.helloword.aftersales.recall;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/** Whether a SKU has a recall that has not finished (closed, no-go or cancelled). */
interface OpenRecalls extends Repository<Recall, Long> {

    List<RecallState> FINISHED = Arrays.stream(RecallState.values()).filter(RecallState::finished).toList();

    boolean existsBySkuAndStateNotIn(String sku, Collection<RecallState> states);

    default boolean exists(String sku) {
        return existsBySkuAndStateNotIn(sku, FINISHED);
    }
}
