package com.helloword.aftersales.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.http.HttpStatus;
import com.helloword.aftersales.web.RejectedRequest;
import com.helloword.aftersales.carrier.ParcelScanned;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casework.api.CaseKeys;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * Returns from request to close: takes a request in (from an agent's remedy, a dispute, a recall,
 * a platform or the buyer), asks the returnPolicy table, tells the buyer, records receipt and
 * inspection, pays the refund through the marketplace, and keeps the timeline. Personal data
 * stays in the case file; the return process carries the return's id and key only.
 */
@Service
public class ReturnService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReturnService.class);

    /** Why a return is asked for (the returnPolicy table's reasons). */
    public static final Set<String> REASONS = Set.of("CHANGED_MIND", "SIZE_FIT", "COLOR_MISMATCH", "DEFECTIVE",
            "DAMAGED", "WRONG_ITEM", "MISSING_PARTS", "NOT_AS_DESCRIBED", "RECALL");
    static final String CHANGED_MIND = "CHANGED_MIND";
    /** How many days before the refund is due the team leads hear of a refund not paid yet. */
    static final int REFUND_WARNING_DAYS = 2;

    /** A request for a return, as the API and the other processes give it. */
    public record NewReturn(String storeId, String platformOrderId, String buyerEmail, String sku, String reason,
            String wanted, ReturnRequest.Source source, Long caseId, String exchangeWish, String platformReturnId,
            Instant requestedAt, Integer quantity) {

        public NewReturn(String storeId, String platformOrderId, String buyerEmail, String sku, String reason,
                String wanted, ReturnRequest.Source source, Long caseId, String exchangeWish) {
            this(storeId, platformOrderId, buyerEmail, sku, reason, wanted, source, caseId, exchangeWish, null, null,
                    null);
        }

        public NewReturn(String storeId, String platformOrderId, String buyerEmail, String sku, String reason,
                String wanted, ReturnRequest.Source source, Long caseId) {
            this(storeId, platformOrderId, buyerEmail, sku, reason, wanted, source, caseId, null);
        }

        /**
         * A return the buyer opened on the platform: the platform's request time counts for the window (the
         * feed may bring it days later), and its return id goes with it.
         */
        public static NewReturn fromPlatform(String storeId, String platformOrderId, String sku, Integer quantity,
                String reason, String wanted, String platformReturnId, Instant requestedAt) {
            return new NewReturn(storeId, platformOrderId, null, sku, reason, wanted, ReturnRequest.Source.PLATFORM,
                    null, null, platformReturnId, requestedAt, quantity);
        }
    }

    /**
     * A request that cannot be taken, with the reason per field: 404 when what it names does not exist (a
     * return, a buyer, a store), 400 otherwise.
     */
    public static class RejectedReturn extends RejectedRequest {
        /** The fields whose problem means "there is no such thing". */
        private static final Set<String> NOT_FOUND = Set.of("returnKey", "buyerId", "storeId");

        private final Map<String, String> problems;

        public RejectedReturn(Map<String, String> problems) {
            super("The return cannot be taken: " + problems);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }

        @Override
        public HttpStatus status() {
            return problems.keySet().stream().anyMatch(NOT_FOUND::contains) ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("problems", problems);
        }
    }

    private final ReturnRequestRepository returns;
    private final SalesOrderRepository orders;
    private final CaseKeys cases;
    private final ReturnPolicy policy;
    private final BuyerReturnHistory history;
    private final OutboxService outbox;
    private final MarketplacePort marketplace;
    private final RuntimeService runtime;
    private final WaitingProcesses waiting;
    private final Clock clock;
    private final Map<String, String> categoryBySkuPrefix;
    private final ReturnSettings settings;
    private final BuyerRepository buyers;

    ReturnService(BuyerRepository buyers, ReturnRequestRepository returns, SalesOrderRepository orders, CaseKeys cases,
            ReturnPolicy policy, BuyerReturnHistory history, OutboxService outbox, MarketplacePort marketplace,
            RuntimeService runtime, WaitingProcesses waiting, Clock clock, ReturnSettings settings) {
        this.buyers = buyers;
        this.returns = returns;
        this.orders = orders;
        this.cases = cases;
        this.policy = policy;
        this.history = history;
        this.outbox = outbox;
        this.marketplace = marketplace;
        this.runtime = runtime;
        this.waiting = waiting;
        this.clock = clock;
        this.categoryBySkuPrefix = settings.categoryBySkuPrefix() == null ? Map.of() : settings.categoryBySkuPrefix();
        this.settings = settings;
    }

    /** A return as opened: new, or the open one of the same order and SKU. */
    public record Opened(ReturnRequest request, boolean created) {
    }

    /** Takes the request in and starts its return process; the same open return of the order and SKU is reused. */
    @Transactional
    public ReturnRequest request(NewReturn request) {
        return open(request).request();
    }

    /** As {@link #request}, saying whether the return is new. */
    @Transactional
    public Opened open(NewReturn request) {
        Map<String, String> problems = new HashMap<>();
        String reason = request.reason() == null ? "" : request.reason().trim().toUpperCase(Locale.ROOT);
        if (!REASONS.contains(reason)) {
            problems.put("reason", "'" + request.reason() + "' is not one of " + REASONS.stream().sorted().toList());
        }
        ReturnRequest.Wanted wanted = null;
        try {
            wanted = ReturnRequest.Wanted.valueOf(request.wanted() == null ? "REFUND"
                    : request.wanted().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("wanted", "'" + request.wanted() + "' is not REFUND or EXCHANGE");
        }
        SalesOrder order = request.storeId() == null || request.platformOrderId() == null ? null
                : orders.findWithLines(request.storeId(), request.platformOrderId().trim()).orElse(null);
        if (order == null) {
            problems.put("platformOrderId", "no order '" + request.platformOrderId() + "' in store '"
                    + request.storeId() + "'");
        } else {
            if (request.buyerEmail() != null && !Buyer.normaliseEmail(request.buyerEmail())
                    .equals(order.getBuyer().getEmail())) {
                problems.put("buyerEmail", "does not match the order");
            }
            if (request.sku() != null && !request.sku().isBlank()
                    && order.getLines().stream().noneMatch(l -> l.getSku().equals(request.sku().trim()))) {
                problems.put("sku", "'" + request.sku() + "' is not on order " + order.getPlatformOrderId());
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedReturn(problems);
        }
        String sku = request.sku() == null || request.sku().isBlank() ? null : request.sku().trim();
        orders.lockById(order.getId()); // a second request for the same order waits here, then finds this one
        for (ReturnRequest existing : returns.findByOrderIdOrderByIdDesc(order.getId())) {
            if (request.platformReturnId() != null && request.platformReturnId().equals(existing.getPlatformReturnId())) {
                return new Opened(existing, false);
            }
            if (existing.getStatus() == ReturnRequest.Status.CLOSED || !java.util.Objects.equals(existing.getSku(), sku)) {
                continue;
            }
            if (request.platformReturnId() == null || sku == null) {
                return new Opened(existing, false); // without a SKU the whole order is already coming back
            }
            if (existing.getPlatformReturnId() == null) {
                // the buyer asked here and on the platform too: one return carries out both
                existing.openedOnPlatform(request.platformReturnId());
                existing.record("ON_PLATFORM", "the buyer also opened return " + request.platformReturnId()
                        + " on " + order.getStore().getPlatform(), clock.instant());
                if (existing.getLabelTracking() != null) {
                    approveOnPlatform(existing.getId()); // past the step that accepts it there
                }
                return new Opened(existing, false);
            }
            // another platform return of the same item (a second unit): a return of its own
        }
        Long caseId = request.caseId() == null || cases.businessKey(request.caseId()).isEmpty() ? null
                : request.caseId();
        Instant requestedAt = request.requestedAt() == null || request.requestedAt().isAfter(clock.instant())
                ? clock.instant() : request.requestedAt();
        ReturnRequest created = new ReturnRequest(newKey(), caseId, order, order.getBuyer(), sku,
                request.source() == null ? ReturnRequest.Source.SELF_SERVICE : request.source(), reason, wanted,
                requestedAt);
        created.wish(request.exchangeWish());
        if (request.platformReturnId() != null) {
            created.openedOnPlatform(request.platformReturnId());
        }
        created.quantity(sku == null ? null : request.quantity());
        returns.saveAndFlush(created);
        if (request.source() != ReturnRequest.Source.AGENT_REMEDY) { // a remedy's return runs as its call activity
            Map<String, Object> variables = new HashMap<>();
            variables.put(ReturnProcess.VAR_RETURN_ID, created.getId());
            variables.put(ReturnProcess.VAR_RETURN_KEY, created.getReturnKey());
            variables.putAll(processSettings(order));
            created.attachProcess(runtime.startProcessInstanceByKey(ReturnProcess.PROCESS_KEY, created.getReturnKey(),
                    variables).getId());
        }
        return new Opened(created, true);
    }

    /** The settings a return process starts with: the team that reviews, the waits and SLAs. */
    public Map<String, Object> processSettings(SalesOrder order) {
        Map<String, Object> variables = new HashMap<>();
        String language = order.getBuyer().getLanguage() == null ? order.getStore().getDefaultLanguage()
                : order.getBuyer().getLanguage();
        variables.put(ReturnProcess.VAR_REVIEW_GROUP,
                Groups.TEAM_LANGUAGES.contains(language) ? Groups.agents(language) : Groups.agents("en"));
        variables.put("labelSla", settings.labelSla().toString());
        variables.put("inspectionSla", settings.inspectionSla().toString());
        variables.put("reminderCycle", settings.reminderCycle());
        variables.put("giveUpAfter", settings.giveUpAfter().toString());
        return variables;
    }

    /**
     * Asks the returnPolicy table; records what it decided. Returns eligible and needsApproval, and
     * the process's settings (review group, SLAs, waits). The first step of every return process, so
     * it also links a return started as a call activity to its process.
     */
    @Transactional
    public Map<String, Object> checkPolicy(long returnId, String processInstanceId) {
        ReturnRequest r = returnOf(returnId);
        if (r.getProcessInstanceId() == null) {
            r.attachProcess(processInstanceId);
        }
        SalesOrder order = r.getOrder();
        ZoneId zone = zone(order);
        LocalDate delivered = order.getDeliveredAt() == null ? null : order.getDeliveredAt().atZone(zone).toLocalDate();
        LocalDate requested = r.getRequestedAt().atZone(zone).toLocalDate();
        Buyer buyer = r.getBuyer();
        Instant countFrom = history.countFrom(buyer, r.getRequestedAt());
        int changedMind = history.changedMindReturns(buyer, r.getRequestedAt());
        if (CHANGED_MIND.equals(r.getReason()) && !r.getRequestedAt().isBefore(countFrom)) {
            changedMind--; // this request is not yet a past return
        }
        String tier = buyer.getTier() == null ? BuyerTier.NEW.name() : buyer.getTier().name();
        boolean serial = false;
        if (r.getSource() != ReturnRequest.Source.AGENT_REMEDY) {
            // the flag on the profile follows the serialReturner table: set when it says so, lifted when not
            serial = history.serialByTable(buyer, changedMind);
            if (serial && buyer.flagSerialReturner(changedMind + " \"changed my mind\" returns in 12 months before "
                    + r.getReturnKey(), clock.instant())) {
                r.record("SERIAL_RETURNER", "the buyer is flagged as a serial returner on their profile",
                        clock.instant());
            } else if (!serial && buyer.isSerialReturner()) {
                buyer.clearSerialReturner(false, clock.instant());
            }
        }
        ReturnPolicy.Decision decision = policy.decide(new ReturnPolicy.Request(order.getDestinationCountry(),
                r.getReason(), delivered, requested, tier, category(r, order), null, serial));
        // an agent's approved remedy is a promise to the buyer: the table's terms are recorded, its refusal is not
        boolean promised = r.getSource() == ReturnRequest.Source.AGENT_REMEDY;
        boolean eligible = promised || decision.eligible();
        r.decide(eligible, decision.windowDays(), decision.lastDay(), promised ? "SELLER" : decision.postagePaidBy(),
                decision.freePickup(), decision.freeExchange(), !promised && decision.needsAgentApproval(),
                eligible ? null : decision.refusalReason(), decision.decisionId(), clock.instant());
        Integer refundDays = policy.refundDeadlineDays(order.getDestinationCountry());
        LocalDate refundDue = refundDays == null ? null : requested.plusDays(refundDays);
        r.refundDueOn(refundDue);
        Map<String, Object> next = new HashMap<>(processSettings(order));
        next.put(ReturnProcess.VAR_ELIGIBLE, eligible);
        next.put(ReturnProcess.VAR_NEEDS_APPROVAL, !promised && decision.needsAgentApproval());
        return next;
    }

    private String category(ReturnRequest r, SalesOrder order) {
        List<String> skus = new ArrayList<>();
        if (r.getSku() != null) {
            skus.add(r.getSku());
        } else {
            order.getLines().stream().map(OrderLine::getSku).forEach(skus::add);
        }
        for (String sku : skus) {
            for (Map.Entry<String, String> prefix : categoryBySkuPrefix.entrySet()) {
                if (sku.startsWith(prefix.getKey())) {
                    return prefix.getValue();
                }
            }
        }
        return "GENERAL";
    }

    /** The polite explanation of a refusal in the buyer's language; an agent still reviews it. */
    @Transactional
    public void explainRefusal(long returnId) {
        ReturnRequest r = returnOf(returnId);
        Map<String, Object> model = baseModel(r);
        model.put("refusalReason", String.valueOf(r.getRefusalReason()));
        if (r.getLastDay() != null) {
            model.put("lastDay", r.getLastDay().toString());
        }
        if (r.getWindowDays() != null) {
            model.put("windowDays", r.getWindowDays());
        }
        queue(r, "refused", "return-refused", model);
        r.record("BUYER_TOLD", "refusal explained: " + r.getRefusalReason(), clock.instant());
    }

    /** An agent approved the return after all, or confirmed the refusal. */
    @Transactional
    public void reviewed(long returnId, boolean approved, String who, String note) {
        returnOf(returnId).review(approved, who, note, clock.instant());
    }

    /** The parcel is back at the warehouse (scan); tells the waiting process. Returns whether it was new. */
    @Transactional
    public boolean received(String returnKey) {
        ReturnRequest r = returns.findByReturnKey(returnKey)
                .orElseThrow(() -> new RejectedReturn(Map.of("returnKey", "no return " + returnKey)));
        if (r.getStatus() == ReturnRequest.Status.CLOSED) {
            // a parcel for a return closed as not returned: the team must look, the return stays closed
            r.record("SCANNED_AFTER_CLOSE", "a parcel came in after the return was closed", clock.instant());
            late(r.getId(), "parcel-after-close");
            return false;
        }
        boolean first = r.getReceivedAt() == null;
        r.received(clock.instant());
        waiting.correlateIfWaiting(r.getProcessInstanceId(), ReturnProcess.MESSAGE_RETURN_RECEIVED, Map.of());
        // a parcel scanned before the process waits for it is seen when the process gets there (parcelBack)
        return first;
    }

    /**
     * The carrier reported news of a parcel: when it is a return's, the return's timeline shows it, and
     * delivered at the warehouse counts as received (as the warehouse's scan does).
     */
    @EventListener
    public void parcelScanned(ParcelScanned scan) {
        for (ReturnRequest r : returns.findByLabelTracking(scan.trackingNumber())) {
            if (r.getStatus() == ReturnRequest.Status.CLOSED) {
                continue;
            }
            r.record("TRACKING", scan.status() + (scan.description() == null ? "" : ": " + scan.description()),
                    scan.at());
            if (scan.status() == TrackingStatus.DELIVERED) {
                received(r.getReturnKey());
            }
        }
    }

    /** A reminder that the parcel has not been sent yet; one mail per reminder number. */
    @Transactional
    public void remind(long returnId, int number) {
        ReturnRequest r = returnOf(returnId);
        Map<String, Object> model = baseModel(r);
        model.put("tracking", String.valueOf(r.getLabelTracking()));
        queue(r, "reminder-" + number, "return-reminder", model);
        r.record("REMINDED", "reminder " + number, clock.instant());
    }

    /** What the warehouse found. Refuses an incomplete inspection with the reason. */
    @Transactional
    public void inspected(long returnId, String grade, Boolean matchesComplaint, String outcome, Integer percent,
            String exchangeSku, String note, String who) {
        ReturnRequest r = returnOf(returnId);
        if (grade == null || !grade.matches("[A-D]")) {
            throw ReturnProcess.refuse("Grade the condition A (as new) to D (unusable)");
        }
        ReturnRequest.Outcome chosen;
        try {
            chosen = ReturnRequest.Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException e) {
            throw ReturnProcess.refuse("Choose the outcome: refund, partial refund, exchange or reject");
        }
        if (chosen == ReturnRequest.Outcome.REFUSED || chosen == ReturnRequest.Outcome.NOT_RETURNED) {
            throw ReturnProcess.refuse("Choose the outcome: refund, partial refund, exchange or reject");
        }
        if (chosen == ReturnRequest.Outcome.PARTIAL_REFUND && (percent == null || percent < 1 || percent > 99)) {
            throw ReturnProcess.refuse("A partial refund is 1 to 99 % of the returned value");
        }
        if (chosen == ReturnRequest.Outcome.REJECTED && (note == null || note.isBlank())) {
            throw ReturnProcess.refuse("Say why the return is rejected; the buyer is told");
        }
        if (chosen == ReturnRequest.Outcome.EXCHANGE) {
            r.exchangeFor(exchangeSku);
        }
        r.inspected(grade, Boolean.TRUE.equals(matchesComplaint), chosen, (who == null ? "" : who + ": ")
                + (note == null ? "" : note.strip()), clock.instant());
        if (chosen == ReturnRequest.Outcome.PARTIAL_REFUND) {
            r.record("PARTIAL", percent + " %", clock.instant());
        }
    }

    /** An SLA of the return passed (label 2 h, inspection 24 h): one mail to the team leads per SLA. */
    @Transactional
    public void late(long returnId, String what) {
        ReturnRequest r = returnOf(returnId);
        outbox.queue(new MailRequest("return:" + r.getReturnKey() + ":late:" + what,
                r.getCaseId(), "return-late", "en",
                RecipientType.GROUP, Groups.TEAM_LEADS, Map.of("returnKey", r.getReturnKey(), "what", what,
                        "orderId", r.getOrder().getPlatformOrderId(), "storeName", r.getOrder().getStore().getName())));
        r.record("LATE", what, clock.instant());
    }

    /**
     * When the team leads are warned of a refund not yet paid: two days before it is due, at the start of
     * the day in the store's time zone (a year after the request when the table sets no bound). From the
     * case file, so no completion's variables can move it.
     */
    @Transactional(readOnly = true)
    public String refundWarnAt(long returnId) {
        ReturnRequest r = returnOf(returnId);
        ZoneId zone = zone(r.getOrder());
        LocalDate day = r.getRefundDueOn() == null ? r.getRequestedAt().atZone(zone).toLocalDate().plusYears(1)
                : r.getRefundDueOn().minusDays(REFUND_WARNING_DAYS);
        return day.atStartOfDay(zone).toOffsetDateTime().toString();
    }

    private static ZoneId zone(SalesOrder order) {
        return order.getStore().getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(order.getStore().getTimeZone());
    }

    /**
     * The refund of a return falls due in two days and is not paid. When the parcel is back or the
     * carrier has it (proof of sending, which under EU law starts the refund clock), the team leads are
     * told once; while the buyer has not sent it, the refund may wait and the timeline says so.
     */
    @Transactional
    public void refundDeadlineNear(long returnId) {
        ReturnRequest r = returnOf(returnId);
        if (r.getRefundAmount() != null || r.getStatus() == ReturnRequest.Status.CLOSED || r.getRefundDueOn() == null) {
            return;
        }
        boolean refundDecided = r.getOutcome() == ReturnRequest.Outcome.REFUND
                || r.getOutcome() == ReturnRequest.Outcome.PARTIAL_REFUND;
        if (r.getWanted() == ReturnRequest.Wanted.EXCHANGE && !refundDecided) {
            return; // the buyer asked for an exchange, not their money back: no refund falls due
        }
        if (r.getTimeline().stream().anyMatch(e -> "REFUND_DUE_SOON".equals(e.getCode()))) {
            return;
        }
        boolean back = r.getReceivedAt() != null;
        boolean onItsWay = r.getTimeline().stream().anyMatch(e -> "TRACKING".equals(e.getCode()));
        if (!back && !onItsWay) {
            r.record("REFUND_WAITS", "refund due by " + r.getRefundDueOn() + ", but the buyer has not sent the parcel:"
                    + " the refund may wait for it or the buyer's proof of sending", clock.instant());
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of("returnKey", r.getReturnKey(), "what", "refund-deadline",
                "orderId", r.getOrder().getPlatformOrderId(), "storeName", r.getOrder().getStore().getName(),
                "refundDueOn", r.getRefundDueOn().toString(), "parcelBack", back));
        outbox.queue(new MailRequest("return:" + r.getReturnKey() + ":late:refund-deadline",
                r.getCaseId(), "return-late", "en",
                RecipientType.GROUP, Groups.TEAM_LEADS, model));
        r.record("REFUND_DUE_SOON", "refund due by " + r.getRefundDueOn() + (back ? "; the parcel is back"
                : "; the parcel is on its way"), clock.instant());
    }

    /**
     * Pays the refund for the returned goods through the marketplace, once (idempotency key per return).
     * Returns null when it is paid, or the amount a person must refund in the seller portal where the
     * platform cannot refund through its API (Amazon); the timeline says how.
     */
    @Transactional
    public BigDecimal refund(long returnId, Integer percent) {
        ReturnRequest r = returnOf(returnId);
        if (r.getRefundAmount() != null) {
            return null;
        }
        SalesOrder order = r.getOrder();
        BigDecimal amount = amountToRefund(r, percent);
        boolean wholeOrder = r.getSku() == null && r.getQuantity() == null && (percent == null || percent >= 100);
        try {
            MarketplacePort.RefundResult result = marketplace.refund(new MarketplacePort.RefundCommand(
                    order.getStore().getId(), order.getPlatformOrderId(), wholeOrder ? null : amount,
                    order.getCurrency(), "Return " + r.getReturnKey(), "return:" + r.getReturnKey() + ":refund",
                    r.getPlatformReturnId()));
            r.refunded(result.amount() == null ? amount : result.amount(),
                    result.currency() == null ? order.getCurrency() : result.currency(), result.platformRefundId(),
                    clock.instant());
            return null;
        } catch (PlatformCannotException cannot) {
            BigDecimal due = amount.setScale(2, RoundingMode.HALF_UP);
            if (r.getRefundByHandAmount() == null) {
                r.refundByHand(due, cannot.insteadAdvice(), clock.instant());
            }
            return due;
        }
    }

    /**
     * A person refunded the return in the seller portal: the amount (at most the amount due, kept on the
     * return when the refund step found the platform cannot) and the portal's reference are recorded, with
     * who did it (the task's assignee: it must be claimed).
     */
    @Transactional
    public void refundedByHand(long returnId, BigDecimal amount, String reference, String who) {
        ReturnRequest r = returnOf(returnId);
        if (r.getRefundAmount() != null) {
            return;
        }
        if (who == null) {
            throw ReturnProcess.refuse("Claim the task first: the refund is recorded with who made it");
        }
        BigDecimal due = r.getRefundByHandAmount() != null ? r.getRefundByHandAmount() : amountToRefund(r, null);
        if (amount == null || amount.signum() <= 0 || amount.compareTo(due) > 0) {
            throw ReturnProcess.refuse("Enter the amount refunded: more than 0 and at most "
                    + due.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + r.getOrder().getCurrency());
        }
        if (reference == null || reference.isBlank()) {
            throw ReturnProcess.refuse("Enter the refund's reference from the seller portal");
        }
        String ref = reference.strip();
        r.refunded(amount.setScale(2, RoundingMode.HALF_UP), r.getOrder().getCurrency(),
                "by hand: " + ref.substring(0, Math.min(100, ref.length())) + " (" + who + ")", clock.instant());
    }

    static BigDecimal amountToRefund(ReturnRequest r, Integer percent) {
        BigDecimal value = returnedValue(r);
        return percent == null || percent >= 100 ? value
                : value.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * What the returned goods are worth: the whole order without a SKU; the SKU's lines; of those, the
     * units that come back when the return names fewer than were bought.
     */
    static BigDecimal returnedValue(ReturnRequest r) {
        if (r.getSku() == null) {
            return r.getOrder().total();
        }
        List<OrderLine> lines = r.getOrder().getLines().stream().filter(l -> l.getSku().equals(r.getSku())).toList();
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        int bought = lines.stream().mapToInt(OrderLine::getQuantity).sum();
        if (r.getQuantity() == null || bought <= 0 || r.getQuantity() >= bought) {
            return total;
        }
        return total.multiply(BigDecimal.valueOf(r.getQuantity())).divide(BigDecimal.valueOf(bought), 2,
                RoundingMode.HALF_UP);
    }

    /** The outcome in the buyer's language: refunded, exchanged, rejected with the reason, or not returned. */
    @Transactional
    public void tellOutcome(long returnId) {
        ReturnRequest r = returnOf(returnId);
        Map<String, Object> model = baseModel(r);
        model.put("outcome", String.valueOf(r.getOutcome()));
        if (r.getRefundAmount() != null) {
            model.put("amount", r.getRefundAmount().setScale(2, RoundingMode.HALF_UP).toPlainString());
            model.put("currency", r.getRefundCurrency());
        }
        if (r.getOutcome() == ReturnRequest.Outcome.EXCHANGE && r.getPlatformRef() != null) {
            model.put("exchangeOrderId", r.getPlatformRef());
        }
        queue(r, "outcome", "return-outcome", model);
    }

    /**
     * Closes the return. A refused return the buyer opened on the platform is declined there too, with
     * the refusal as the note (where the platform cannot, the timeline says what to do by hand).
     */
    @Transactional
    public void close(long returnId, String outcome) {
        ReturnRequest r = returnOf(returnId);
        if (r.getStatus() == ReturnRequest.Status.CLOSED) {
            return;
        }
        ReturnRequest.Outcome closing = outcome == null ? null : ReturnRequest.Outcome.valueOf(outcome);
        if (closing == ReturnRequest.Outcome.REFUSED && r.getPlatformReturnId() != null) {
            declineOnPlatform(r);
        }
        r.close(closing, clock.instant());
    }

    /** What the buyer reads on the platform when the return is declined there (the mail says more). */
    static String declineNote(ReturnRequest r) {
        String why = switch (String.valueOf(r.getRefusalReason())) {
            case "WINDOW_PASSED" -> r.getLastDay() == null ? "The return period for this order has ended."
                    : "The return period for this order ended on " + r.getLastDay() + ".";
            case "NON_RETURNABLE" -> "This item cannot be returned unless it is faulty (for hygiene reasons or"
                    + " because it was made for you).";
            default -> "We cannot accept this return as it was requested.";
        };
        return why + " We have written to you by e-mail with the details; reply there and we will look again.";
    }

    private void declineOnPlatform(ReturnRequest r) {
        SalesOrder order = r.getOrder();
        try {
            MarketplacePort.PlatformReturnResult result = marketplace.declinePlatformReturn(
                    new MarketplacePort.PlatformReturnCommand(order.getStore().getId(), r.getPlatformReturnId(),
                            order.getPlatformOrderId(), declineNote(r),
                            "return:" + r.getReturnKey() + ":decline"));
            r.record("DECLINED_ON_PLATFORM", result.alreadyDone() ? "already declined" : result.state(),
                    clock.instant());
        } catch (PlatformCannotException cannot) {
            r.record("DECLINE_BY_HAND", cannot.insteadAdvice(), clock.instant());
        }
    }

    /**
     * The platform says the buyer's return is over there (cancelled by the buyer, closed, declined in the
     * platform's own admin). Before the parcel is back, a return opened on the platform ends here too
     * ("Close as cancelled": no reminders, no "not returned"); a return this system opened (an agent's
     * remedy the buyer also asked for there) only notes it, the case settles it. After the parcel is back
     * or the refund is paid, nothing changes: the platform's state then follows this system's own steps.
     * Returns whether the return was ended.
     */
    @Transactional
    public boolean overOnPlatform(long returnId, String state) {
        ReturnRequest r = returnOf(returnId);
        if (r.getStatus() == ReturnRequest.Status.CLOSED || r.getReceivedAt() != null || r.getRefundAmount() != null) {
            return false;
        }
        r.record("OVER_ON_PLATFORM", state + " on " + r.getOrder().getStore().getPlatform(), clock.instant());
        if (r.getSource() != ReturnRequest.Source.PLATFORM) {
            return false;
        }
        return waiting.correlateIfWaiting(r.getProcessInstanceId(), ReturnProcess.MESSAGE_RETURN_CANCELLED, Map.of());
    }

    /**
     * Accepts the buyer's platform return on the platform before the label is made; a platform that
     * authorises returns itself (Amazon) needs nothing. Where the platform refuses (the buyer cancelled,
     * eBay escalated it to a case, Shopify declined it), the PlatformCannotException goes up: the label
     * step stops with its advice as the incident in Cockpit, and the label SLA reaches the team leads.
     */
    @Transactional
    public void approveOnPlatform(long returnId) {
        ReturnRequest r = returnOf(returnId);
        if (r.getPlatformReturnId() == null) {
            return;
        }
        SalesOrder order = r.getOrder();
        MarketplacePort.PlatformReturnResult result = marketplace.approvePlatformReturn(
                new MarketplacePort.PlatformReturnCommand(order.getStore().getId(), r.getPlatformReturnId(),
                        order.getPlatformOrderId(), "Return " + r.getReturnKey() + " accepted",
                        "return:" + r.getReturnKey() + ":approve"));
        if (!result.alreadyDone()) {
            r.record("ACCEPTED_ON_PLATFORM", result.state(), clock.instant());
        }
    }

    /** Lifts a buyer's serial-returner flag (a team lead's decision; logged with who did it). */
    @Transactional
    public void clearSerialReturner(long buyerId, String who) {
        Buyer buyer = buyers.findById(buyerId)
                .orElseThrow(() -> new RejectedReturn(Map.of("buyerId", "no buyer " + buyerId)));
        if (buyer.isSerialReturner()) {
            LOG.info("Serial-returner flag of buyer {} lifted by {}", buyerId, who);
        }
        buyer.clearSerialReturner(true, clock.instant());
    }

    /** The stored return label, or null while there is none. */
    @Transactional(readOnly = true)
    public byte[] labelPdf(String returnKey) {
        return returns.findByReturnKey(returnKey).map(ReturnRequest::getLabelPdf).orElse(null);
    }

    /** A return by its key. */
    @Transactional(readOnly = true)
    public ReturnRequest byKey(String returnKey) {
        return returns.findByReturnKey(returnKey)
                .orElseThrow(() -> new RejectedReturn(Map.of("returnKey", "no return " + returnKey)));
    }

    /** A return with its timeline, for the API. */
    @Transactional(readOnly = true)
    public ReturnView view(String returnKey) {
        ReturnRequest r = returns.findWithTimeline(returnKey)
                .orElseThrow(() -> new RejectedReturn(Map.of("returnKey", "no return " + returnKey)));
        return ReturnView.of(r, r.getCaseId() == null ? null : cases.businessKey(r.getCaseId()).orElse(null));
    }

    Map<String, Object> baseModel(ReturnRequest r) {
        Map<String, Object> model = new HashMap<>();
        model.put("returnKey", r.getReturnKey());
        model.put("orderId", r.getOrder().getPlatformOrderId());
        model.put("storeName", r.getOrder().getStore().getName());
        model.put("reason", r.getReason());
        model.put("wanted", r.getWanted().name());
        return model;
    }

    void queue(ReturnRequest r, String step, String template, Map<String, Object> model) {
        outbox.queue(new MailRequest("return:" + r.getReturnKey() + ":" + step,
                r.getCaseId(), template, language(r),
                RecipientType.BUYER, r.getBuyer().getId().toString(), model));
    }

    static String language(ReturnRequest r) {
        return r.getBuyer().getLanguage() != null ? r.getBuyer().getLanguage()
                : r.getOrder().getStore().getDefaultLanguage();
    }

    ReturnRequest returnOf(long returnId) {
        return returns.findById(returnId).orElseThrow(() -> new IllegalStateException("No return " + returnId));
    }

    Instant now() {
        return clock.instant();
    }

    private static String newKey() {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return "RMA-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
