package com.helloword.aftersales.quality;


import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * Purchasing holds over HTTP: purchasing (and the product team, managers, team leads, integrations
 * such as an ERP) read which SKUs must not be bought now; a manager lets purchasing resume.
 */
@RestController
class PurchasingController {

    record HoldView(long id, String sku, String category, BigDecimal returnRate, BigDecimal categoryRate,
            long returns, long shipped, Instant heldAt, Instant planDueAt, String cause, String improvementPlan,
            String plannedBy, Instant releasedAt, String releasedBy, String releaseNote, boolean standing) {

        static HoldView of(PurchasingHold h) {
            return new HoldView(h.getId(), h.getSku(), h.getCategory(), h.getReturnRate(), h.getCategoryRate(),
                    h.getReturns(), h.getShipped(), h.getHeldAt(), h.getPlanDueAt(), h.getCause(),
                    h.getImprovementPlan(), h.getPlannedBy(), h.getReleasedAt(), h.getReleasedBy(), h.getReleaseNote(),
                    h.isActive());
        }
    }

    record ReleaseBody(String note) {
    }

    private final QualityAlerts alerts;
    private final ApiAccess access;

    PurchasingController(QualityAlerts alerts, ApiAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    /** The standing holds (all=true: the latest 200, released ones too). */
    @GetMapping("/api/purchasing/holds")
    List<HoldView> holds(@RequestParam(name = "all", defaultValue = "false") boolean all) {
        access.requireAnyGroup(Groups.PURCHASING, Groups.PRODUCT_TEAM, Groups.MANAGERS, Groups.TEAM_LEADS,
                Groups.INTEGRATIONS, Groups.CAMUNDA_ADMIN);
        return alerts.list(!all).stream().map(HoldView::of).toList();
    }

    /** A manager lets purchasing buy the SKU again; the note says why (required). */
    @PostMapping("/api/purchasing/holds/{holdId}/release")
    ResponseEntity<Map<String, Object>> release(@PathVariable long holdId, @RequestBody(required = false) ReleaseBody body) {
        access.requireAnyGroup(Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw RejectedHoldRequest.because("note", "say why purchasing may resume");
        }
        boolean released = alerts.release(holdId, access.caller().userId(), body.note());
        return ResponseEntity.ok(Map.of("holdId", holdId, "released", released, "standing", false));
    }
}
