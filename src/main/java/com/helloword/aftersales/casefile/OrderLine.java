package com.helloword.aftersales.casefile;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One SKU of an order, with its production batch (lot) for recalls; priced in the order's currency. */
@Entity
@Table(name = "order_lines")
public class OrderLine extends CaseFileEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", updatable = false)
    private SalesOrder order;
    private int lineNo;
    private String sku;
    private String batchLot;
    private int quantity;
    private BigDecimal unitPrice;

    protected OrderLine() {
    }

    OrderLine(SalesOrder order, int lineNo, SalesOrder.LineDetails details) {
        this.order = order;
        this.lineNo = lineNo;
        apply(details);
    }

    boolean apply(SalesOrder.LineDetails details) {
        boolean changed = !Objects.equals(sku, details.sku()) || !Objects.equals(batchLot, details.batchLot())
                || quantity != details.quantity()
                || unitPrice == null || unitPrice.compareTo(details.unitPrice()) != 0;
        sku = details.sku();
        batchLot = details.batchLot();
        quantity = details.quantity();
        if (unitPrice == null || unitPrice.compareTo(details.unitPrice()) != 0) {
            unitPrice = details.unitPrice();
        }
        return changed;
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public String getBatchLot() { return batchLot; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
}
