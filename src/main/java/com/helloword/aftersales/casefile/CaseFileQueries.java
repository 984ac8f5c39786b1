package com.helloword.aftersales.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.CaseFileViews.CaseView;
import com.helloword.aftersales.casefile.CaseFileViews.OrderView;
import com.helloword.aftersales.casefile.CaseFileViews.StoreView;

/** Read side of the case file. */
@Service
@Transactional(readOnly = true)
public class CaseFileQueries {

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final AfterSalesCaseRepository cases;

    CaseFileQueries(StoreRepository stores, SalesOrderRepository orders, AfterSalesCaseRepository cases) {
        this.stores = stores;
        this.orders = orders;
        this.cases = cases;
    }

    public List<StoreView> stores() {
        return stores.findAllByOrderByIdAsc().stream().map(StoreView::of).toList();
    }

    public Optional<OrderView> order(String storeId, String platformOrderId) {
        return orders.findWithLines(storeId, platformOrderId).map(OrderView::of);
    }

    public Optional<CaseView> afterSalesCase(String businessKey) {
        return cases.findWithMessages(businessKey).map(CaseView::of);
    }
}
