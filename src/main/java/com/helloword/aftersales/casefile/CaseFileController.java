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
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.ApiCaller;
import com.helloword.aftersales.security.Groups;

/**
 * The case-file read API. Stores are for every login. An order with its buyer is for those who oversee
 * the work (managers, team leads, admins) and those whose work is on it ({@link OrderWork}: the teams of
 * its cases); the warehouse, logistics, recall, product and purchasing see it without the buyer; nobody else.
 */
@RestController
@RequestMapping("/api")
class CaseFileController {

    /** Groups that oversee every case and so see every buyer. */
    static final List<String> OVERSEERS = List.of(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);
    /** Groups whose work is on goods, not buyers: the order without its buyer. */
    static final List<String> GOODS_WORK = List.of(Groups.WAREHOUSE, Groups.LOGISTICS, Groups.RECALL_MANAGERS,
            Groups.PRODUCT_TEAM, Groups.PURCHASING);

    private final CaseFileQueries queries;
    private final ApiAccess access;
    private final List<OrderWork> work;

    CaseFileController(CaseFileQueries queries, ApiAccess access, List<OrderWork> work) {
        this.queries = queries;
        this.access = access;
        this.work = work;
    }

    @GetMapping("/stores")
    List<StoreView> stores() {
        return queries.stores();
    }

    @GetMapping("/orders/{storeId}/{platformOrderId}")
    OrderView order(@PathVariable String storeId, @PathVariable String platformOrderId) {
        ApiCaller caller = access.caller();
        boolean overseer = caller.groupIds().stream().anyMatch(OVERSEERS::contains);
        boolean goods = caller.groupIds().stream().anyMatch(GOODS_WORK::contains);
        boolean mayWork = overseer || goods || caller.groupIds().stream()
                .anyMatch(g -> g.startsWith("agents-") || g.startsWith("dispute-specialists-"));
        if (!mayWork) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "User " + caller.userId() + " does not work with orders");
        }
        OrderView order = queries.order(storeId, platformOrderId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No order " + platformOrderId + " in store " + storeId));
        if (overseer || work.stream().anyMatch(w -> w.needsBuyerOf(caller, order.id()))) {
            return order;
        }
        if (goods) {
            return order.withoutBuyer();
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Order " + platformOrderId
                + " has no case for a team of user " + caller.userId());
    }
}
