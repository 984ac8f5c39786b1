package com.helloword.aftersales.recall;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.OrderStatus;

/**
 * What the recall triggers read of the case file: where a SKU's shipped units went, and how many units of a
 * SKU's batch were sold (shipped or delivered, as the recall's "affected" counts them).
 */
interface RecallCaseFileFacts extends Repository<OrderLine, Long> {

    @Query("select distinct l.batchLot from OrderLine l where l.sku = :sku and l.order.status in :statuses"
            + " and l.batchLot is not null order by l.batchLot")
    List<String> batchesOf(@Param("sku") String sku, @Param("statuses") Collection<OrderStatus> statuses);

    @Query("select distinct l.order.destinationCountry from OrderLine l where l.sku = :sku"
            + " and l.order.status in :statuses order by l.order.destinationCountry")
    List<String> countriesOf(@Param("sku") String sku, @Param("statuses") Collection<OrderStatus> statuses);

    @Query("select coalesce(sum(l.quantity), 0) from OrderLine l where l.sku = :sku and l.batchLot = :batch"
            + " and l.order.status in :statuses")
    long unitsOfBatch(@Param("sku") String sku, @Param("batch") String batch,
            @Param("statuses") Collection<OrderStatus> statuses);

    @Query("select coalesce(sum(l.quantity), 0) from OrderLine l where l.sku = :sku and l.batchLot is null"
            + " and l.order.status in :statuses")
    long unitsWithoutBatch(@Param("sku") String sku, @Param("statuses") Collection<OrderStatus> statuses);

    @Query("select distinct l.order.destinationCountry from OrderLine l where l.sku = :sku and l.batchLot = :batch"
            + " and l.order.status in :statuses order by l.order.destinationCountry")
    List<String> countriesOfBatch(@Param("sku") String sku, @Param("batch") String batch,
            @Param("statuses") Collection<OrderStatus> statuses);
}
