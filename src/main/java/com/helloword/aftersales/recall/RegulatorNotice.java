package com.helloword.aftersales.recall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A regulator's notice as imported (one per source and reference), the SKUs it matched (JSON: sku, score,
 * matchedBy) and what the recall manager's review made of it: the recall it started (and the scope chosen) or
 * the note it was dismissed with.
 */
@Entity
@Table(name = "regulator_notices")
public class RegulatorNotice extends CaseFileEntity {

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private NoticeSource source;
    @Column(updatable = false)
    private String reference;
    private String title;
    private String hazard;
    private String remedy;
    private String url;
    private String publishedOn;
    @Column(updatable = false)
    private Instant receivedAt;
    @Lob
    private String matchedSkus;
    @Enumerated(EnumType.STRING)
    private RegulatorNoticeStatus status;
    private String processInstanceId;
    private String chosenSku;
    private String chosenBatches;
    private String chosenCountries;
    private String chosenReason;
    private String reviewNote;
    private String reviewedBy;
    private Instant reviewedAt;
    private Long recallId;
    @Version
    private long version;

    protected RegulatorNotice() {
    }

    RegulatorNotice(IncomingNotice notice, String matchedSkus, Instant at) {
        this.source = notice.source();
        this.reference = notice.reference();
        this.title = cut(notice.title(), 1000);
        this.hazard = cut(notice.hazard(), 2000);
        this.remedy = cut(notice.remedy(), 2000);
        this.url = cut(notice.url(), 1000);
        this.publishedOn = cut(notice.publishedOn(), 32);
        this.matchedSkus = matchedSkus;
        this.receivedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.status = RegulatorNoticeStatus.OPEN;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    void reviewStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void recallChosen(String sku, List<String> batches, List<String> countries, String reason, String by,
            Instant at) {
        this.chosenSku = sku;
        this.chosenBatches = String.join(",", batches);
        this.chosenCountries = String.join(",", countries);
        this.chosenReason = cut(reason, 2000);
        this.reviewedBy = by;
        this.reviewedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void recallStarted(Long recallId) {
        this.recallId = recallId;
        this.status = RegulatorNoticeStatus.RECALL_STARTED;
    }

    void dismissed(String note, String by, Instant at) {
        this.status = RegulatorNoticeStatus.DISMISSED;
        this.reviewNote = cut(note, 2000);
        this.reviewedBy = by;
        this.reviewedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public NoticeSource getSource() { return source; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getHazard() { return hazard; }
    public String getRemedy() { return remedy; }
    public String getUrl() { return url; }
    public String getPublishedOn() { return publishedOn; }
    public Instant getReceivedAt() { return receivedAt; }
    /** JSON array of {sku, score, matchedBy}. */
    public String getMatchedSkus() { return matchedSkus; }
    public RegulatorNoticeStatus getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getChosenSku() { return chosenSku; }
    public List<String> getChosenBatches() { return Recall.split(chosenBatches); }
    public List<String> getChosenCountries() { return Recall.split(chosenCountries); }
    public String getChosenReason() { return chosenReason; }
    public String getReviewNote() { return reviewNote; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public Long getRecallId() { return recallId; }
}
