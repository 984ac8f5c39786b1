package com.helloword.aftersales.recall;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per SKU that an automatic recall start locks (SELECT ... FOR UPDATE) before it looks for an open
 * recall of the SKU: two nodes triggering the same SKU at once take turns, and the second sees the first's recall.
 */
@Entity
@Table(name = "recall_sku_guards")
public class RecallSkuGuard {

    @Id
    private String sku;

    protected RecallSkuGuard() {
    }

    RecallSkuGuard(String sku) {
        this.sku = sku;
    }

    public String getSku() { return sku; }
}
