package com.helloword.aftersales.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.CaseFileViews.OrderView;
import com.helloword.aftersales.casefile.CaseFileViews.StoreView;

/** Read side of the case file. */
@Service
@Transactional(readOnly = true)
public class CaseFileQueries {

    private final StoreRepository stores;
    private final SalesOrderRepository orders;

    CaseFileQueries(StoreRepository stores, SalesOrderRepository orders) {
        this.stores = stores;
        this.orders = orders;
    }

    public List<StoreView> stores() {
        return stores.findAllByOrderByIdAsc().stream().map(StoreView::of).toList();
    }

    public Optional<OrderView> order(String storeId, String platformOrderId) {
        return orders.findWithLines(storeId, platformOrderId).map(OrderView::of);
    }
}
