package com.helloword.aftersales.casefile;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.casefile.CaseFileViews.OrderView;
import com.helloword.aftersales.casefile.CaseFileViews.StoreView;

@RestController
@RequestMapping("/api")
class CaseFileController {

    private final CaseFileQueries queries;

    CaseFileController(CaseFileQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/stores")
    List<StoreView> stores() {
        return queries.stores();
    }

    @GetMapping("/orders/{storeId}/{platformOrderId}")
    OrderView order(@PathVariable String storeId, @PathVariable String platformOrderId) {
        return queries.order(storeId, platformOrderId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No order " + platformOrderId + " in store " + storeId));
    }
}
