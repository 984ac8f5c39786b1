package com.helloword.aftersales.returns;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.ApiCaller;
import com.helloword.aftersales.security.Groups;


/**
 * Returns over HTTP: agents and integrations open one ({@code POST /api/returns}), the warehouse
 * scans the parcel in ({@code POST /api/returns/{key}/scan}), staff read it with its timeline. The buyer's
 * label link is {@link ReturnLabelController}'s.
 */
@RestController
class ReturnController {

    /** What opens a return: the order, what comes back, why, and refund or exchange. */
    record ReturnBody(String storeId, String platformOrderId, String sku, String reason, String wanted, String source) {
    }

    private final ReturnService returns;
    private final ReturnParcels parcels;
    private final ApiAccess access;
    private final ReturnQuality quality;
    private final PlatformReturnIntake platformReturns;
    private final PlatformReturnSync platformFeeds;
    private final com.helloword.aftersales.casefile.StoreRepository stores;

    ReturnController(ReturnService returns, ReturnParcels parcels, ApiAccess access,
            ReturnQuality quality, PlatformReturnIntake platformReturns, PlatformReturnSync platformFeeds,
            com.helloword.aftersales.casefile.StoreRepository stores) {
        this.stores = stores;
        this.platformReturns = platformReturns;
        this.platformFeeds = platformFeeds;
        this.returns = returns;
        this.parcels = parcels;
        this.access = access;
        this.quality = quality;
    }

    /** Agents, team leads, the warehouse, managers and admins work with returns. */
    private void requireReturnsStaff() {
        ApiCaller caller = access.caller();
        boolean staff = caller.groupIds().stream().anyMatch(g -> g.startsWith("agents-")
                || List.of(Groups.TEAM_LEADS, Groups.WAREHOUSE, Groups.MANAGERS, Groups.CAMUNDA_ADMIN).contains(g));
        if (!staff) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "User " + caller.userId() + " does not work returns");
        }
    }

    @PostMapping("/api/returns")
    ResponseEntity<ReturnView> open(@RequestBody ReturnBody body) {
        // who opens returns (the application then starts returnProcess): agents, team leads, admins
        ApiCaller caller = access.caller();
        if (caller.groupIds().stream().noneMatch(g -> g.startsWith("agents-") || List.of(Groups.TEAM_LEADS,
                Groups.CAMUNDA_ADMIN).contains(g))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "User " + caller.userId() + " does not open returns");
        }
        ReturnRequest.Source source;
        try {
            source = body.source() == null ? ReturnRequest.Source.PLATFORM : ReturnRequest.Source.valueOf(body.source());
            if (source == ReturnRequest.Source.AGENT_REMEDY) {
                throw new IllegalArgumentException("an agent's remedy opens its return from the case");
            }
        } catch (IllegalArgumentException e) {
            throw new ReturnService.RejectedReturn(java.util.Map.of("source", "'" + body.source() + "' is not one of "
                    + ReturnRequest.Source.PLATFORM + ", " + ReturnRequest.Source.DISPUTE + ", "
                    + ReturnRequest.Source.RECALL + ", " + ReturnRequest.Source.SELF_SERVICE));
        }
        ReturnService.Opened opened = returns.open(new ReturnService.NewReturn(body.storeId(), body.platformOrderId(),
                null, body.sku(), body.reason(), body.wanted(), source, null));
        String key = opened.request().getReturnKey();
        // the same open return of the order and SKU asked again: 200 with it, nothing new
        return opened.created() ? ResponseEntity.created(URI.create("/api/returns/" + key)).body(returns.view(key))
                : ResponseEntity.ok(returns.view(key));
    }

    @GetMapping("/api/returns/{returnKey}")
    ReturnView read(@PathVariable String returnKey) {
        requireReturnsStaff();
        return returns.view(returnKey);
    }

    /** The warehouse scanned the parcel in: 200 the first time, 200 with received=false after. */
    @PostMapping("/api/returns/{returnKey}/scan")
    ResponseEntity<ReturnView> scan(@PathVariable String returnKey) {
        access.requireAnyGroup(Groups.WAREHOUSE, Groups.CAMUNDA_ADMIN);
        parcels.received(returnKey);
        return ResponseEntity.ok(returns.view(returnKey));
    }

    /** A platform return as kept: opened as which return, or why not yet. */
    record PlatformReturnView(String storeId, String platformReturnId, String platformOrderId, String sku,
            String platformReason, String reason, String platformState, String status, String problem,
            String returnKey, int attempts, java.time.Instant firstSeenAt, java.time.Instant lastTriedAt) {
    }

    /** The latest returns buyers opened on the platforms (newest first), with those still waiting for their order. */
    @GetMapping("/api/returns/platform")
    List<PlatformReturnView> platformReturns() {
        requireReturnsStaff();
        return platformReturns.recent().stream().map(e -> new PlatformReturnView(e.getStoreId(),
                e.getPlatformReturnId(), e.getPlatformOrderId(), e.getSku(), e.getPlatformReason(), e.getReason(),
                e.getPlatformState(), e.getStatus().name(), e.getProblem(), e.getReturnRequest() == null ? null
                        : e.getReturnRequest().getReturnKey(), e.getAttempts(), e.getFirstSeenAt(), e.getLastTriedAt()))
                .toList();
    }

    /**
     * Reads the stores' return feeds now instead of at the next round (one store with {@code storeId}):
     * team leads, admins.
     */
    @PostMapping("/api/returns/platform/sync")
    List<PlatformReturnSync.StoreRound> syncPlatformReturns(
            @RequestParam(name = "storeId", required = false) String storeId) {
        access.requireAnyGroup(Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);
        if (storeId != null && !stores.existsById(storeId)) {
            throw new ReturnService.RejectedReturn(java.util.Map.of("storeId", "no store " + storeId));
        }
        return platformFeeds.syncNow(storeId);
    }

    /** A team lead lifts a buyer's serial-returner flag: their next return needs no agent approval. */
    @PostMapping("/api/buyers/{buyerId}/serial-returner/clear")
    ResponseEntity<java.util.Map<String, Object>> clearSerialReturner(@PathVariable long buyerId) {
        access.requireAnyGroup(Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);
        returns.clearSerialReturner(buyerId, access.caller().userId());
        return ResponseEntity.ok(java.util.Map.of("buyerId", buyerId, "serialReturner", false));
    }

    /** Return rates per SKU over 90 days against the category, with the quality alert: product team, managers. */
    @GetMapping("/api/quality/skus")
    List<ReturnQuality.SkuRate> qualityRates() {
        access.requireAnyGroup(Groups.PRODUCT_TEAM, Groups.MANAGERS, Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);
        return quality.rates();
    }
}
