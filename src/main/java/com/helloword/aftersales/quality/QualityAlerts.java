package com.helloword.aftersales.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.returns.api.SkuReturnRateAlert;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * What the product-quality alert sets going (process {@code skuQualityAlert}): purchasing of the SKU
 * pauses at once, the product team answers with the cause and an improvement plan within 7 days
 * (managers hear when it is late), and the plan says whether purchasing resumes; a paused SKU can also
 * be released by a manager. One standing hold per SKU: a new alert while it stands changes nothing.
 */
@Service
public class QualityAlerts {

    public static final String PROCESS_KEY = "skuQualityAlert";
    public static final String VAR_HOLD_ID = "holdId";
    public static final String VAR_SKU = "sku";
    public static final String VAR_PLAN_DUE = "planDue";
    public static final String VAR_RESUME = "resumePurchasing";
    public static final String VAR_CAUSE = "cause";
    public static final String VAR_PLAN = "improvementPlan";
    public static final String USER_TASK_PLAN = "userTask_improvementPlan";

    private final PurchasingHoldRepository holds;
    private final RuntimeService runtime;
    private final OutboxService outbox;
    private final Clock clock;
    private final Duration planTime;

    QualityAlerts(PurchasingHoldRepository holds, RuntimeService runtime, OutboxService outbox, Clock clock,
            @Value("${aftersales.returns.improvement-plan-time:P7D}") Duration planTime) {
        this.holds = holds;
        this.runtime = runtime;
        this.outbox = outbox;
        this.clock = clock;
        this.planTime = planTime;
    }

    /**
     * An SKU raised the alert: purchasing pauses and the product team is asked for a plan, unless a hold
     * of the SKU stands already. Returns the standing hold.
     */
    @EventListener
    @Transactional
    public void on(SkuReturnRateAlert alert) {
        raise(alert);
    }

    @Transactional
    public PurchasingHold raise(SkuReturnRateAlert rate) {
        Optional<PurchasingHold> standing = holds.findByActiveSku(rate.sku());
        if (standing.isPresent()) {
            return standing.get();
        }
        Instant now = clock.instant();
        // two alerts of one SKU at once: the unique standing SKU lets one in, the other's step is retried
        PurchasingHold hold = holds.saveAndFlush(new PurchasingHold(rate.sku(), rate.category(), rate.rate(),
                rate.categoryRate(), rate.returns(), rate.shipped(), now, now.plus(planTime)));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_HOLD_ID, hold.getId());
        variables.put(VAR_SKU, rate.sku());
        variables.put(VAR_PLAN_DUE, hold.getPlanDueAt().toString());
        hold.attachProcess(runtime.startProcessInstanceByKey(PROCESS_KEY, "quality:" + rate.sku() + ":" + hold.getId(),
                variables).getId());
        return hold;
    }

    /** Purchasing hears that the SKU is paused, with the figures (once per hold). */
    @Transactional
    public void tellPurchasingPaused(long holdId) {
        PurchasingHold hold = hold(holdId);
        outbox.queue(new MailRequest("quality:" + hold.getSku() + ":hold:" + holdId, null, "purchasing-paused", "en",
                RecipientType.GROUP, Groups.PURCHASING, model(hold)));
    }

    /** The improvement plan is late: the managers hear of it (once per hold). */
    @Transactional
    public void planLate(long holdId) {
        PurchasingHold hold = hold(holdId);
        if (hold.getPlannedAt() == null) {
            outbox.queue(new MailRequest("quality:" + hold.getSku() + ":hold:" + holdId + ":late", null,
                    "quality-plan-late", "en", RecipientType.GROUP, Groups.MANAGERS, model(hold)));
        }
    }

    /** The product team's plan; refused with the reason when the cause or the plan is missing. */
    @Transactional
    public void planned(long holdId, String cause, String plan, String who) {
        if (cause == null || cause.isBlank()) {
            throw TaskFormRejection.because("Say why the SKU comes back so often (the cause)");
        }
        if (plan == null || plan.isBlank()) {
            throw TaskFormRejection.because("Describe the improvement plan");
        }
        hold(holdId).planned(cause, plan, who, clock.instant());
    }

    /**
     * Purchasing may buy the SKU again: after the plan, or a manager's decision. Purchasing hears of it;
     * releasing a released hold changes nothing. Returns whether it was standing.
     */
    @Transactional
    public boolean release(long holdId, String who, String note) {
        PurchasingHold hold = hold(holdId);
        if (!hold.isActive()) {
            return false;
        }
        hold.release(who, note, clock.instant());
        Map<String, Object> model = model(hold);
        model.put("releasedBy", who);
        model.put("note", note == null ? "" : note);
        outbox.queue(new MailRequest("quality:" + hold.getSku() + ":hold:" + holdId + ":released", null,
                "purchasing-resumed", "en", RecipientType.GROUP, Groups.PURCHASING, model));
        return true;
    }

    @Transactional(readOnly = true)
    public List<PurchasingHold> list(boolean standingOnly) {
        return standingOnly ? holds.findByActiveSkuIsNotNullOrderByHeldAtDesc() : holds.findTop200ByOrderByHeldAtDesc();
    }

    PurchasingHold hold(long holdId) {
        return holds.findById(holdId).orElseThrow(() -> RejectedHoldRequest.noHold(holdId));
    }

    private static Map<String, Object> model(PurchasingHold hold) {
        Map<String, Object> model = new HashMap<>();
        model.put("sku", hold.getSku());
        model.put("category", String.valueOf(hold.getCategory()));
        model.put("rate", hold.getReturnRate().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString());
        model.put("categoryRate", hold.getCategoryRate().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString());
        model.put("returns", hold.getReturns());
        model.put("shipped", hold.getShipped());
        model.put("planDue", hold.getPlanDueAt().toString());
        model.put("cause", hold.getCause() == null ? "" : hold.getCause());
        model.put("plan", hold.getImprovementPlan() == null ? "" : hold.getImprovementPlan());
        return model;
    }
}
