package com.helloword.aftersales.casefile;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One SKU of an order, with its production batch (lot) for recalls and, where the import names it, the product's
 * title as the store shows it to buyers; priced in the order's currency.
 */
@Entity
@Table(name = "order_lines")
public class OrderLine extends CaseFileEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", updatable = false)
    private SalesOrder order;
    private int lineNo;
    private String sku;
    private String batchLot;
    private String title;
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
                || !Objects.equals(title, details.title()) || quantity != details.quantity()
                || unitPrice == null || unitPrice.compareTo(details.unitPrice()) != 0;
        sku = details.sku();
        batchLot = details.batchLot();
        title = details.title();
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
    /** The product's title as the store names it; null when the import gave none. */
    public String getTitle() { return title; }
    /** What a buyer calls the item: its title, else its SKU. */
    public String displayName() { return title == null || title.isBlank() ? sku : title; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
}
