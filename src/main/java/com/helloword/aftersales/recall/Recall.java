package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * A product recall: the SKU, its batches and the destination countries (and optionally stores) in scope,
 * where it stands, who decided what, and the risk report of stage 1 (JSON, {@link RiskReport}). The
 * affected buyers and units are {@link RecallNotice} and {@link RecallUnit} rows, found in stage 3.
 */
@Entity
@Table(name = "recalls")
public class Recall extends CaseFileEntity {

    private String recallKey;
    @Column(updatable = false)
    private String sku;
    @Column(updatable = false)
    private String batches;
    @Column(updatable = false)
    private String countries;
    @Column(updatable = false)
    private String storeIds;
    @Column(updatable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private RecallSource source;
    @Column(updatable = false)
    private String sourceRef;
    @Enumerated(EnumType.STRING)
    private RecallState state;
    private int stage;
    @Enumerated(EnumType.STRING)
    private RecallDecision decision;
    private String decisionComment;
    private String decidedBy;
    private Instant decidedAt;
    private int monitorRounds;
    @Lob
    private String riskReport;
    private Instant riskReportAt;
    private BigDecimal completionTarget;
    private int noticesTotal;
    private int chunksTotal;
    private int chunksDone;
    private String rootCause;
    private String correctiveAction;
    private String processInstanceId;
    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant notifiedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected Recall() {
    }

    /** With a key of the caller's choosing (a test's, or an import's own numbering). */
    Recall(String recallKey, String sku, List<String> batches, List<String> countries, List<String> storeIds,
            String reason, RecallSource source, String sourceRef, String createdBy, Instant at) {
        this(sku, batches, countries, storeIds, reason, source, sourceRef, createdBy, at);
        this.recallKey = recallKey;
    }

    Recall(String sku, List<String> batches, List<String> countries, List<String> storeIds,
            String reason, RecallSource source, String sourceRef, String createdBy, Instant at) {
        this.recallKey = "RC-new-" + java.util.UUID.randomUUID(); // until it has its id: Hibernate inserts this
        this.sku = sku;
        this.batches = String.join(",", batches);
        this.countries = String.join(",", countries);
        this.storeIds = storeIds == null || storeIds.isEmpty() ? null : String.join(",", storeIds);
        this.reason = reason;
        this.source = source;
        this.sourceRef = sourceRef;
        this.createdBy = createdBy;
        this.createdAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.state = RecallState.ASSESSING;
        this.stage = state.stage();
    }

    /** Named after its id, once it has one (persisted): RC-1042. */
    void named() {
        this.recallKey = "RC-" + getId();
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void moveTo(RecallState next) {
        this.state = next;
        if (next.stage() > 0) {
            this.stage = next.stage();
        }
    }

    void riskReport(String json, Instant at) {
        this.riskReport = json;
        this.riskReportAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void decide(RecallDecision decision, String comment, String by, Instant at) {
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedAt = at.truncatedTo(ChronoUnit.SECONDS);
        if (decision == RecallDecision.MONITOR) {
            monitorRounds++;
        }
    }

    void completionTarget(BigDecimal target) {
        this.completionTarget = target;
    }

    void fanOut(int noticesTotal, int chunksTotal) {
        this.noticesTotal = noticesTotal;
        this.chunksTotal = chunksTotal;
        this.chunksDone = 0;
    }

    void notified(Instant at) {
        this.notifiedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void rootCause(String rootCause, String correctiveAction) {
        this.rootCause = rootCause;
        this.correctiveAction = correctiveAction;
    }

    void closed(RecallState end, Instant at) {
        moveTo(end);
        this.closedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    public String getRecallKey() { return recallKey; }
    public String getSku() { return sku; }
    public List<String> getBatches() { return split(batches); }
    public List<String> getCountries() { return split(countries); }
    /** The stores in scope; empty: every store. */
    public List<String> getStoreIds() { return split(storeIds); }
    public String getReason() { return reason; }
    public RecallSource getSource() { return source; }
    public String getSourceRef() { return sourceRef; }
    public RecallState getState() { return state; }
    public int getStage() { return stage; }
    public RecallDecision getDecision() { return decision; }
    public String getDecisionComment() { return decisionComment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public int getMonitorRounds() { return monitorRounds; }
    public String getRiskReport() { return riskReport; }
    public Instant getRiskReportAt() { return riskReportAt; }
    public BigDecimal getCompletionTarget() { return completionTarget; }
    public int getNoticesTotal() { return noticesTotal; }
    public int getChunksTotal() { return chunksTotal; }
    public int getChunksDone() { return chunksDone; }
    public String getRootCause() { return rootCause; }
    public String getCorrectiveAction() { return correctiveAction; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNotifiedAt() { return notifiedAt; }
    public Instant getClosedAt() { return closedAt; }
}
