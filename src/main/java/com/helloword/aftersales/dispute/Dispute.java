package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One arbitration of a buyer's claim about an order. {@code openOrderId} is the order's id while the dispute is
 * open and null after: the database's unique key on it is what keeps an order to one open dispute, also when two
 * nodes take two claims about the same order at the same moment.
 */
@Entity
@Table(name = "disputes")
public class Dispute extends CaseFileEntity {

    @Column(name = "dispute_key")
    private String key;
    @Enumerated(EnumType.STRING)
    private DisputeState state;
    @Column(updatable = false)
    private String storeId;
    @Column(updatable = false)
    private String platformOrderId;
    @Column(updatable = false)
    private Long orderId;
    private Long openOrderId;
    @Column(updatable = false)
    private Long buyerId;
    private Long caseId;
    private String claimType;
    @Column(updatable = false)
    private String source;
    private String reason;
    private String region;
    private String candidateGroup;
    private Instant respondBy;
    private String respondBySource;
    private Instant deadlineMissedAt;
    @Enumerated(EnumType.STRING)
    private DisputeOutcome decision;
    private Integer percentOfOrder;
    private BigDecimal decisionAmount;
    private String currency;
    private String decisionComment;
    private String decidedBy;
    private Instant decidedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String outcome;
    private String processInstanceId;
    @Column(updatable = false)
    private String openedBy;
    @Column(updatable = false)
    private Instant openedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected Dispute() {
    }

    Dispute(String storeId, String platformOrderId, Long orderId, Long buyerId, Long caseId, String claimType,
            String source, String reason, String currency, String openedBy, Instant openedAt) {
        this.key = "DSP-new-" + UUID.randomUUID(); // until it has its id: Hibernate inserts this
        this.state = DisputeState.OPEN;
        this.storeId = storeId;
        this.platformOrderId = platformOrderId;
        this.orderId = orderId;
        this.openOrderId = orderId;
        this.buyerId = buyerId;
        this.caseId = caseId;
        this.claimType = claimType;
        this.source = source;
        this.reason = clip(reason, 2000);
        this.currency = currency;
        this.openedBy = openedBy;
        this.openedAt = openedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    void named() {
        this.key = "DSP-" + getId();
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void routed(String region, String candidateGroup) {
        this.region = region;
        this.candidateGroup = candidateGroup;
    }

    void linkCase(Long caseId) {
        if (this.caseId == null) {
            this.caseId = caseId;
        }
    }

    /** A claim that names a harder type (a chargeback after an inquiry) makes it the dispute's. */
    void claimTypeIs(String claimType) {
        this.claimType = claimType;
    }

    void respondBy(Instant respondBy, String source) {
        this.respondBy = respondBy.truncatedTo(ChronoUnit.SECONDS);
        this.respondBySource = source;
    }

    void deadlineMissed(Instant at) {
        if (deadlineMissedAt == null) {
            deadlineMissedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    void decided(DisputeOutcome decision, Integer percentOfOrder, BigDecimal amount, String comment, String by,
            Instant at) {
        this.decision = decision;
        this.percentOfOrder = percentOfOrder;
        this.decisionAmount = amount;
        this.decisionComment = clip(comment, 2000);
        this.decidedBy = by;
        this.decidedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.approvedBy = null;
        this.approvedAt = null;
    }

    void awaitApproval() {
        this.state = DisputeState.AWAITING_APPROVAL;
    }

    void approved(String by, Instant at) {
        this.approvedBy = by;
        this.approvedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.state = DisputeState.OPEN;
    }

    /** The second person refused: the decision goes back to the specialists. */
    void approvalRefused() {
        this.state = DisputeState.OPEN;
    }

    void outcome(String outcome) {
        this.outcome = clip(outcome, 1000);
    }

    /** The dispute is over: the order may have a dispute again. */
    void close(DisputeState state, Instant at) {
        this.state = state;
        this.openOrderId = null;
        this.closedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    boolean isOpen() {
        return closedAt == null;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public String getKey() { return key; }
    public DisputeState getState() { return state; }
    public String getStoreId() { return storeId; }
    public String getPlatformOrderId() { return platformOrderId; }
    public Long getOrderId() { return orderId; }
    public Long getBuyerId() { return buyerId; }
    public Long getCaseId() { return caseId; }
    public String getClaimType() { return claimType; }
    public String getSource() { return source; }
    public String getReason() { return reason; }
    public String getRegion() { return region; }
    public String getCandidateGroup() { return candidateGroup; }
    public Instant getRespondBy() { return respondBy; }
    public String getRespondBySource() { return respondBySource; }
    public Instant getDeadlineMissedAt() { return deadlineMissedAt; }
    public DisputeOutcome getDecision() { return decision; }
    public Integer getPercentOfOrder() { return percentOfOrder; }
    public BigDecimal getDecisionAmount() { return decisionAmount; }
    public String getCurrency() { return currency; }
    public String getDecisionComment() { return decisionComment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getOutcome() { return outcome; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
}
