package com.helloword.aftersales.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.CaseFileEntity;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;

/**
 * One after-sales matter of one buyer. The business key is also the key of the process instances
 * that work on it; processes carry only this key and ids, never the buyer's personal data.
 */
@Entity
@Table(name = "after_sales_cases")
public class AfterSalesCase extends CaseFileEntity {

    @Column(updatable = false)
    private String businessKey;
    @ManyToOne(fetch = FetchType.LAZY)
    private Store store;
    @ManyToOne(fetch = FetchType.LAZY)
    private SalesOrder order;
    @ManyToOne(fetch = FetchType.LAZY)
    private Buyer buyer;
    private String channel;
    private String category;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    private CaseStatus status = CaseStatus.OPEN;
    private String language;
    private int contactCount;
    private Instant openedAt;
    private Instant claimDueAt;
    private Instant firstReplyDueAt;
    private Instant resolutionDueAt;
    private Instant closedAt;
    private String processInstanceId;
    private String gradedBy;
    private String candidateGroup;
    private String resolution;
    private Integer rating;
    private Instant ratedAt;
    private Instant firstClaimedAt;
    private Instant firstRepliedAt;
    private Instant escalatedAt;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "afterSalesCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt, id")
    private List<CaseMessage> messages = new ArrayList<>();

    protected AfterSalesCase() {
    }

    public AfterSalesCase(String businessKey, String channel, Store store, SalesOrder order, Buyer buyer,
            Instant openedAt) {
        this.businessKey = businessKey;
        this.channel = channel;
        this.store = store;
        this.order = order;
        this.buyer = buyer;
        this.openedAt = openedAt.truncatedTo(ChronoUnit.SECONDS);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.updatedAt = createdAt;
    }

    public CaseMessage addMessage(MessageDirection direction, String channel, String externalMessageId,
            String subject, String body, String language, Instant occurredAt) {
        CaseMessage message = new CaseMessage(this, direction, channel, externalMessageId, subject, body, language,
                occurredAt);
        messages.add(message);
        if (direction == MessageDirection.INBOUND) {
            contactCount++;
        } else if (firstRepliedAt == null) {
            firstRepliedAt = truncate(occurredAt); // the first reply time (SLA figures, docs/metrics.md)
        }
        touch();
        return message;
    }

    public void grade(String category, Severity severity, String language) {
        this.category = category;
        this.severity = severity;
        this.language = language;
        touch();
    }

    /** The grade and the team, with the ids of the decision table versions that decided them. */
    public void grade(String category, Severity severity, String language, String candidateGroup, String gradedBy) {
        grade(category, severity, language);
        this.candidateGroup = candidateGroup;
        this.gradedBy = gradedBy;
    }

    /** A later message made the case more urgent. */
    public void raiseSeverity(Severity severity, String gradedBy) {
        this.severity = severity;
        this.gradedBy = gradedBy;
        touch();
    }

    /**
     * A later message raised the grade: the claim and first-reply times of the new grade apply when they
     * are earlier than the ones already set; a deadline never moves later than already promised.
     */
    public void tightenSla(Instant claimDueAt, Instant firstReplyDueAt) {
        this.claimDueAt = earlier(this.claimDueAt, truncate(claimDueAt));
        this.firstReplyDueAt = earlier(this.firstReplyDueAt, truncate(firstReplyDueAt));
        touch();
    }

    private static Instant earlier(Instant current, Instant proposed) {
        return current == null || proposed != null && proposed.isBefore(current) ? proposed : current;
    }

    public boolean isOpen() {
        return status != CaseStatus.RESOLVED && status != CaseStatus.CLOSED;
    }

    public void scheduleSla(Instant claimDueAt, Instant firstReplyDueAt, Instant resolutionDueAt) {
        this.claimDueAt = truncate(claimDueAt);
        this.firstReplyDueAt = truncate(firstReplyDueAt);
        this.resolutionDueAt = truncate(resolutionDueAt);
        touch();
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
        touch();
    }

    public void changeStatus(CaseStatus status) {
        this.status = status;
        if (status == CaseStatus.CLOSED && closedAt == null) {
            closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (status == CaseStatus.ESCALATED && escalatedAt == null) {
            escalatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        touch();
    }

    /** The remedy is being carried out (by people, or by its return): not yet something to confirm. */
    public void remedyPending() {
        changeStatus(CaseStatus.REMEDY_PENDING);
    }

    /** The pending remedy is done: the case is with the team again until it waits for the buyer. */
    public void remedyDone() {
        if (status == CaseStatus.REMEDY_PENDING) {
            changeStatus(CaseStatus.OPEN);
        }
    }

    /** The remedy is done and the buyer told: the case waits for the buyer to confirm or to write again. */
    public void awaitBuyer() {
        changeStatus(CaseStatus.WAITING_FOR_BUYER);
    }

    /** The buyer wrote again after our answer: the case is back with the team. */
    public void reopen() {
        if (status == CaseStatus.WAITING_FOR_BUYER) {
            changeStatus(CaseStatus.OPEN);
        }
    }

    /** Settled: confirmed by the buyer, closed by the agent, or no word from the buyer in the quiet period. */
    public void close(String resolution, Instant at) {
        this.resolution = resolution;
        this.status = CaseStatus.CLOSED;
        if (closedAt == null) {
            closedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
        touch();
    }

    /** The buyer's 1-5 rating of how the case was handled; the first one counts. */
    public boolean rate(int stars, Instant at) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5 stars, not " + stars);
        }
        if (rating != null) {
            return false;
        }
        rating = stars;
        ratedAt = at.truncatedTo(ChronoUnit.SECONDS);
        touch();
        return true;
    }

    /** Somebody took the case's answer task; the first time counts (the claim time of the SLA figures). */
    public boolean claimed(Instant at) {
        if (firstClaimedAt != null) {
            return false;
        }
        firstClaimedAt = truncate(at);
        touch();
        return true;
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public String getBusinessKey() { return businessKey; }
    public Instant getFirstClaimedAt() { return firstClaimedAt; }
    public Instant getFirstRepliedAt() { return firstRepliedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public Store getStore() { return store; }
    public SalesOrder getOrder() { return order; }
    public Buyer getBuyer() { return buyer; }
    public String getChannel() { return channel; }
    public String getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public CaseStatus getStatus() { return status; }
    public String getLanguage() { return language; }
    public int getContactCount() { return contactCount; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClaimDueAt() { return claimDueAt; }
    public Instant getFirstReplyDueAt() { return firstReplyDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getGradedBy() { return gradedBy; }
    public String getCandidateGroup() { return candidateGroup; }
    public String getResolution() { return resolution; }
    public Integer getRating() { return rating; }
    public Instant getRatedAt() { return ratedAt; }
    public List<CaseMessage> getMessages() { return Collections.unmodifiableList(messages); }
}
