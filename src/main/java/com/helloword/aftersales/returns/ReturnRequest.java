package com.helloword.aftersales.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.CaseFileEntity;
import com.helloword.aftersales.casefile.SalesOrder;

/**
 * One return (RMA) of an order, whoever asked for it (an agent's remedy, a dispute, a recall, the
 * platform, the buyer's self-service page): what the return policy decided, the label, the receipt,
 * the inspection and the outcome, with a timeline of what happened that a buyer could be shown.
 */
@Entity
@Table(name = "return_requests")
public class ReturnRequest extends CaseFileEntity {

    public enum Source { AGENT_REMEDY, DISPUTE, RECALL, PLATFORM, SELF_SERVICE }

    public enum Wanted { REFUND, EXCHANGE }

    public enum Status {
        REQUESTED, REFUSED, AWAITING_APPROVAL, APPROVED, LABEL_SENT, RECEIVED, INSPECTED, CLOSED
    }

    public enum Outcome { REFUND, PARTIAL_REFUND, EXCHANGE, REJECTED, REFUSED, NOT_RETURNED, CANCELLED }

    /** Who made the return label: the carrier for this system, or the platform for its own return. */
    public enum LabelSource { CARRIER, PLATFORM }

    private String returnKey;
    /** The after-sales case whose remedy asked for the return (case work's id; null for the buyer's own). */
    @Column(name = "case_id")
    private Long caseId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "buyer_id")
    private Buyer buyer;
    private String sku;
    @Enumerated(EnumType.STRING)
    private Source source;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Wanted wanted;
    private String exchangeWish;
    private String exchangeSku;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Boolean eligible;
    private Integer windowDays;
    private LocalDate lastDay;
    private String postagePaidBy;
    private Boolean freePickup;
    private Boolean freeExchange;
    private Boolean needsApproval;
    private String refusalReason;
    private String policyDecision;
    private String carrier;
    private String labelTracking;
    private Instant labelCreatedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] labelPdf;
    private Instant receivedAt;
    private Instant inspectedAt;
    private String conditionGrade;
    private Boolean matchesComplaint;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private BigDecimal refundAmount;
    private String refundCurrency;
    private String platformRef;
    private String processInstanceId;
    private String platformReturnId;
    @Enumerated(EnumType.STRING)
    private LabelSource labelSource;
    private LocalDate refundDueOn;
    private Integer quantity;
    private BigDecimal refundByHandAmount;
    private Instant requestedAt;
    private Instant closedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "returnRequest", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt, id")
    private List<ReturnEvent> timeline = new ArrayList<>();

    protected ReturnRequest() {
    }

    /** A new return, complete with who asked, why and what the buyer wants, before it is saved. */
    public ReturnRequest(String returnKey, Long caseId, SalesOrder order, Buyer buyer, String sku,
            Source source, String reason, Wanted wanted, Instant requestedAt) {
        this.returnKey = returnKey;
        this.caseId = caseId;
        this.order = order;
        this.buyer = buyer;
        this.sku = sku;
        this.source = source;
        this.reason = reason;
        this.wanted = wanted;
        this.status = Status.REQUESTED;
        this.requestedAt = requestedAt.truncatedTo(ChronoUnit.SECONDS);
        record("REQUESTED", source + ": " + reason + ", wants " + wanted, requestedAt);
    }

    /** The return the buyer opened on the platform, which this one carries out. */
    public void openedOnPlatform(String platformReturnId) {
        this.platformReturnId = platformReturnId;
    }

    /** How many units come back; null for the whole line (or the whole order without a SKU). */
    public void quantity(Integer quantity) {
        this.quantity = quantity == null || quantity <= 0 ? null : quantity;
    }

    /** The platform cannot refund through its API: a person refunds this amount in the seller portal. */
    public void refundByHand(BigDecimal amount, String advice, Instant at) {
        this.refundByHandAmount = amount;
        record("REFUND_BY_HAND", amount.stripTrailingZeros().toPlainString() + " " + order.getCurrency() + ": "
                + advice, at);
    }

    /** The last day the refund may be paid (EU: 14 days from the withdrawal); null where no law sets one. */
    public void refundDueOn(LocalDate day) {
        this.refundDueOn = day;
    }

    /** What the buyer wants instead (their words, e.g. "size L"), for an exchange. */
    public void wish(String exchangeWish) {
        this.exchangeWish = exchangeWish == null || exchangeWish.isBlank() ? null
                : exchangeWish.strip().substring(0, Math.min(200, exchangeWish.strip().length()));
    }

    /** The SKU the warehouse sends in exchange (the returned one when none is named). */
    public void exchangeFor(String sku) {
        this.exchangeSku = sku == null || sku.isBlank() ? null : sku.strip();
    }

    /** What the returnPolicy table decided. */
    public void decide(boolean eligible, int windowDays, LocalDate lastDay, String postagePaidBy, boolean freePickup,
            boolean freeExchange, boolean needsApproval, String refusalReason, String decisionId, Instant at) {
        this.eligible = eligible;
        this.windowDays = windowDays;
        this.lastDay = lastDay;
        this.postagePaidBy = postagePaidBy;
        this.freePickup = freePickup;
        this.freeExchange = freeExchange;
        this.needsApproval = needsApproval;
        this.refusalReason = refusalReason;
        this.policyDecision = decisionId;
        this.status = !eligible ? Status.REFUSED : needsApproval ? Status.AWAITING_APPROVAL : Status.APPROVED;
        record(eligible ? "ELIGIBLE" : "REFUSED", eligible ? returnUntil(windowDays, lastDay) + ", postage paid by "
                + postagePaidBy : "refused: " + refusalReason, at);
    }

    /** Until when the item may come back; an order not delivered yet has its window start at the delivery. */
    private static String returnUntil(int windowDays, LocalDate lastDay) {
        if (lastDay != null) {
            return "return until " + lastDay;
        }
        return windowDays <= 0 ? "return without a time limit"
                : "return within " + windowDays + " days of the delivery (not delivered yet: the window starts then)";
    }

    /** An agent looked at a refused return or one that needed approval. */
    public void review(boolean approved, String who, String note, Instant at) {
        this.status = approved ? Status.APPROVED : Status.REFUSED;
        if (!approved) {
            outcome = Outcome.REFUSED;
        }
        record(approved ? "APPROVED" : "REFUSAL_CONFIRMED", who + (note == null || note.isBlank() ? "" : ": " + note),
                at);
    }

    public void labelSent(String carrier, String tracking, byte[] labelPdf, Instant at) {
        labelSent(LabelSource.CARRIER, carrier, tracking, labelPdf, at);
    }

    /** The label, made by the carrier for this system or by the platform for its own return. */
    public void labelSent(LabelSource source, String carrier, String tracking, byte[] labelPdf, Instant at) {
        this.labelSource = source;
        this.carrier = carrier;
        this.labelPdf = labelPdf;
        this.labelTracking = tracking;
        this.labelCreatedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.status = Status.LABEL_SENT;
        record("LABEL_SENT", carrier + " " + tracking + (source == LabelSource.PLATFORM ? " (the platform's label)" : ""),
                at);
    }

    public void received(Instant at) {
        if (receivedAt == null) {
            receivedAt = at.truncatedTo(ChronoUnit.SECONDS);
            status = Status.RECEIVED;
            record("RECEIVED", null, at);
        }
    }

    public void inspected(String conditionGrade, boolean matchesComplaint, Outcome outcome, String note, Instant at) {
        this.conditionGrade = conditionGrade;
        this.matchesComplaint = matchesComplaint;
        this.outcome = outcome;
        this.inspectedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.status = Status.INSPECTED;
        record("INSPECTED", "grade " + conditionGrade + (matchesComplaint ? ", matches" : ", does not match")
                + " the complaint → " + outcome + (note == null || note.isBlank() ? "" : ": " + note), at);
    }

    public void refunded(BigDecimal amount, String currency, String platformRef, Instant at) {
        this.refundAmount = amount;
        this.refundCurrency = currency;
        this.platformRef = platformRef;
        record("REFUNDED", amount == null ? platformRef : amount.stripTrailingZeros().toPlainString() + " " + currency,
                at);
    }

    public void exchangeOrdered(String platformOrderId, Instant at) {
        this.platformRef = platformOrderId;
        record("EXCHANGE_ORDERED", platformOrderId, at);
    }

    public void close(Outcome outcome, Instant at) {
        if (this.outcome == null) {
            this.outcome = outcome;
        }
        this.status = Status.CLOSED;
        this.labelPdf = null; // it names the buyer and their address: kept only while the parcel may still come
        if (closedAt == null) {
            closedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
        record("CLOSED", this.outcome == null ? null : this.outcome.name(), at);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void record(String code, String detail, Instant at) {
        timeline.add(new ReturnEvent(this, code, detail, at));
    }

    public String getReturnKey() { return returnKey; }
    public Long getCaseId() { return caseId; }
    public SalesOrder getOrder() { return order; }
    public Buyer getBuyer() { return buyer; }
    public String getSku() { return sku; }
    public Source getSource() { return source; }
    public String getReason() { return reason; }
    public Wanted getWanted() { return wanted; }
    public String getExchangeWish() { return exchangeWish; }
    public String getExchangeSku() { return exchangeSku; }
    public Status getStatus() { return status; }
    public Boolean getEligible() { return eligible; }
    public Integer getWindowDays() { return windowDays; }
    public LocalDate getLastDay() { return lastDay; }
    public String getPostagePaidBy() { return postagePaidBy; }
    public Boolean getFreePickup() { return freePickup; }
    public Boolean getFreeExchange() { return freeExchange; }
    public Boolean getNeedsApproval() { return needsApproval; }
    public String getRefusalReason() { return refusalReason; }
    public String getPolicyDecision() { return policyDecision; }
    public String getCarrier() { return carrier; }
    public String getLabelTracking() { return labelTracking; }
    public Instant getLabelCreatedAt() { return labelCreatedAt; }
    public byte[] getLabelPdf() { return labelPdf; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getInspectedAt() { return inspectedAt; }
    public String getConditionGrade() { return conditionGrade; }
    public Boolean getMatchesComplaint() { return matchesComplaint; }
    public Outcome getOutcome() { return outcome; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public String getRefundCurrency() { return refundCurrency; }
    public String getPlatformRef() { return platformRef; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getPlatformReturnId() { return platformReturnId; }
    public LabelSource getLabelSource() { return labelSource; }
    public LocalDate getRefundDueOn() { return refundDueOn; }
    public Integer getQuantity() { return quantity; }
    public BigDecimal getRefundByHandAmount() { return refundByHandAmount; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<ReturnEvent> getTimeline() { return Collections.unmodifiableList(timeline); }
}
