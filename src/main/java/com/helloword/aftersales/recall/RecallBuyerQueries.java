package com.helloword.aftersales.recall;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** What the buyer's notice mail and recall page read and write, each in one statement. */
interface RecallBuyerQueries extends Repository<RecallNotice, Long> {

    /**
     * The affected order lines of a notice with their order number, store name and product title: one query
     * (units, orders, stores and lines joined), none per order, and no entity lands in the caller's
     * persistence context (a chunk of notices stays light to flush).
     */
    @Query("select new com.helloword.aftersales.recall.RecallNoticeLine(u.orderId, u.lineNo, o.platformOrderId, "
            + "s.name, l.title, u.sku, u.batchLot, count(u)) "
            + "from RecallUnit u join SalesOrder o on o.id = u.orderId join o.store s "
            + "join o.lines l on l.lineNo = u.lineNo where u.noticeId = :notice "
            + "group by u.orderId, u.lineNo, o.platformOrderId, s.name, l.title, u.sku, u.batchLot "
            + "order by u.orderId, u.lineNo")
    List<RecallNoticeLine> linesOf(@Param("notice") Long noticeId);

    /** {@link #linesOf} for many notices in one query (a chunk's), each line with its notice. */
    @Query("select new com.helloword.aftersales.recall.RecallChunkLine(u.noticeId, u.orderId, u.lineNo, "
            + "o.platformOrderId, s.name, l.title, u.sku, u.batchLot, count(u)) "
            + "from RecallUnit u join SalesOrder o on o.id = u.orderId join o.store s "
            + "join o.lines l on l.lineNo = u.lineNo where u.noticeId in :notices "
            + "group by u.noticeId, u.orderId, u.lineNo, o.platformOrderId, s.name, l.title, u.sku, u.batchLot "
            + "order by u.noticeId, u.orderId, u.lineNo")
    List<RecallChunkLine> linesOfNotices(@Param("notices") Collection<Long> noticeIds);

    /**
     * The buyer reached their page: the first time counts. An UPDATE that also moves the version, so a chunk or
     * reminder job holding the notice as it was fails its optimistic check and retries, rather than writing the
     * old (unopened) state back; the page itself never fails on a busy notice.
     */
    @Modifying(flushAutomatically = true)
    @Query("update RecallNotice n set n.openedAt = :at, n.version = n.version + 1 "
            + "where n.id = :id and n.openedAt is null")
    int markOpened(@Param("id") Long noticeId, @Param("at") Instant at);
}
