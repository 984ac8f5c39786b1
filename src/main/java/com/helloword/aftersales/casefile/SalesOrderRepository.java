package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    @Query("select distinct o from SalesOrder o join fetch o.buyer left join fetch o.lines "
            + "where o.store.id = :storeId and o.platformOrderId = :platformOrderId")
    Optional<SalesOrder> findWithLines(String storeId, String platformOrderId);

    @Query("select distinct o from SalesOrder o left join fetch o.lines "
            + "where o.store.id = :storeId and o.platformOrderId in :platformOrderIds")
    List<SalesOrder> findWithLines(String storeId, Collection<String> platformOrderIds);

    long countByStoreId(String storeId);

    List<SalesOrder> findByTrackingNumber(String trackingNumber);

    Optional<SalesOrder> findFirstByBuyerIdOrderByOrderedAtDesc(Long buyerId);

    long countByBuyerIdAndStatusAndOrderedAtAfter(Long buyerId, OrderStatus status, Instant since);

    Optional<SalesOrder> findFirstByPlatformOrderId(String platformOrderId);

    /** The order, locked for the rest of the transaction (two requests for the same return open one). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lockById(Long id);

    /** Units shipped per SKU since a moment (sku, units), for the product-quality loop. */
    @Query("select l.sku, sum(l.quantity) from OrderLine l where l.order.shippedAt >= :since group by l.sku")
    List<Object[]> unitsShippedBySkuSince(Instant since);

    /** An order number in every store that has it, with buyer and lines (self-service returns). */
    @Query("select distinct o from SalesOrder o join fetch o.buyer left join fetch o.lines "
            + "where o.platformOrderId = :platformOrderId")
    List<SalesOrder> findAllWithLines(String platformOrderId);

    @Query("select count(l) > 0 from OrderLine l where l.order.store.id = :storeId and l.sku = :sku")
    boolean storeHasSoldSku(String storeId, String sku);

    /** The orders paid with this payment (a PayPal dispute names the transaction, not the order). */
    List<SalesOrder> findByPaymentReference(String paymentReference);

    /** A buyer's orders in every store, in these states (the dispute freeze). */
    @Query("select o from SalesOrder o join fetch o.store where o.buyer.id = :buyerId and o.status in :statuses "
            + "and o.deliveredAt is null order by o.orderedAt")
    List<SalesOrder> findUndelivered(Long buyerId, Collection<OrderStatus> statuses);

    /** A buyer's orders in every store since a moment, newest first (the evidence pack's buyer record). */
    @Query("select o from SalesOrder o join fetch o.store where o.buyer.id = :buyerId and o.orderedAt >= :since "
            + "order by o.orderedAt desc")
    List<SalesOrder> findOfBuyerSince(Long buyerId, Instant since);

    /** A store's orders placed since a moment (store health's dispute rate). */
    long countByStoreIdAndOrderedAtGreaterThanEqual(String storeId, Instant since);

    /** The SKUs a store has sold (store health pauses their listings). */
    @Query("select distinct l.sku from OrderLine l where l.order.store.id = :storeId order by l.sku")
    List<String> skusOfStore(String storeId);
}
