package com.helloword.aftersales.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseKeys;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * Takes a return request in (from an agent's remedy, a dispute, a recall, a platform or the buyer), checks
 * it, reuses the open return of the same order and SKU, and starts the return process; finds returns for
 * the other steps. The rest of a return's life has a class each: the policy step ({@link ReturnPolicyStep}),
 * the parcel ({@link ReturnParcels}), the outcome ({@link ReturnOutcomes}), the refund ({@link ReturnRefunds})
 * and the mails ({@link ReturnMails}). Personal data stays in the case file; the return process carries the
 * return's id and key only.
 */
@Service
public class ReturnService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReturnService.class);

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

        /** @param problems reason per field, in the order the request has the fields */
        public RejectedReturn(Map<String, String> problems) {
            super(notFound(problems.keySet()) ? "Not found" : "The return cannot be taken", problems.entrySet()
                    .stream().map(p -> FieldProblem.of(p.getKey(), p.getValue())).toList());
        }

        private static boolean notFound(java.util.Collection<String> fields) {
            return fields.stream().anyMatch(NOT_FOUND::contains);
        }

        @Override
        public HttpStatus status() {
            return notFound(problems().stream().map(FieldProblem::field).toList()) ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST;
        }

        @Override
        public String title() {
            return status() == HttpStatus.NOT_FOUND ? null : "Return rejected";
        }
    }

    private final ReturnRequestRepository returns;
    private final SalesOrderRepository orders;
    private final CaseKeys cases;
    private final OutboxService outbox;
    private final MarketplacePort marketplace;
    private final RuntimeService runtime;
    private final Clock clock;
    private final BuyerRepository buyers;

    ReturnService(BuyerRepository buyers, ReturnRequestRepository returns, SalesOrderRepository orders, CaseKeys cases,
            OutboxService outbox, MarketplacePort marketplace, RuntimeService runtime, Clock clock) {
        this.buyers = buyers;
        this.returns = returns;
        this.orders = orders;
        this.cases = cases;
        this.outbox = outbox;
        this.marketplace = marketplace;
        this.runtime = runtime;
        this.clock = clock;
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
        Map<String, String> problems = new LinkedHashMap<>();
        String reason = request.reason() == null ? "" : request.reason().trim().toUpperCase(Locale.ROOT);
        if (!ReturnReasons.ALL.contains(reason)) {
            problems.put("reason", "'" + request.reason() + "' is not one of "
                    + String.join(", ", ReturnReasons.ALL.stream().sorted().toList()));
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
            // the review group, SLAs and waits are set by the policy step, as for a return started as a call activity
            Map<String, Object> variables = new HashMap<>();
            variables.put(ReturnProcess.VAR_RETURN_ID, created.getId());
            variables.put(ReturnProcess.VAR_RETURN_KEY, created.getReturnKey());
            created.attachProcess(runtime.startProcessInstanceByKey(ReturnProcess.PROCESS_KEY, created.getReturnKey(),
                    variables).getId());
        }
        return new Opened(created, true);
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

    /** The buyer's language of a return (else its store's); null for no such return. */
    @Transactional(readOnly = true)
    public String languageOf(String returnKey) {
        return returns.findByReturnKey(returnKey).map(ReturnService::language).orElse(null);
    }

    /** The name of the store the return's order was bought in (it heads the buyer's pages); null for no such return. */
    @Transactional(readOnly = true)
    public String storeNameOf(String returnKey) {
        return returns.findByReturnKey(returnKey).map(r -> r.getOrder().getStore().getName()).orElse(null);
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

    static ZoneId zone(SalesOrder order) {
        return order.getStore().getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(order.getStore().getTimeZone());
    }

    private static String newKey() {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return "RMA-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
