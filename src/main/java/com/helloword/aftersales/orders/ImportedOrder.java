package com.helloword.aftersales.orders;

import java.util.List;

import com.helloword.aftersales.casefile.SalesOrder;

/** A validated order of an import request, whichever format it came in; {@code line} is where it starts. */
record ImportedOrder(int line, String storeId, String platformOrderId, ImportedBuyer buyer,
        SalesOrder.Details details, List<SalesOrder.LineDetails> lines) {

    record ImportedBuyer(String email, String name, String language, String country) {
    }

    String key() {
        return storeId + '\u0000' + platformOrderId;
    }
}
