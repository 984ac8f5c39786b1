package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The plan for one destination market, drafted from the recallMarketRules table: the authority to notify
 * and by when, the remedies buyers there are offered, the notice template and the recall level. A recall
 * manager approves the drafts of a recall together.
 */
@Entity
@Table(name = "recall_market_plans")
public class RecallMarketPlan extends CaseFileEntity {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    @Column(updatable = false)
    private Long recallId;
    @Column(updatable = false)
    private String country;
    private String authority;
    private String authorityName;
    private String legalBasis;
    /** ISO-8601 duration from the GO decision, e.g. PT24H. */
    private String filingDeadline;
    private String remedies;
    private String noticeTemplate;
    private String recallLevel;
    private String status;
    private String approvedBy;
    private Instant approvedAt;
    @Version
    private long version;

    protected RecallMarketPlan() {
    }

    RecallMarketPlan(Long recallId, String country) {
        this.recallId = recallId;
        this.country = country;
        this.status = DRAFT;
    }

    /** Sets the table's answer; a redraft (MONITOR, then GO again) overwrites a draft, never an approved plan. */
    void draft(String authority, String authorityName, String legalBasis, String filingDeadline, List<String> remedies,
            String noticeTemplate, String recallLevel) {
        if (APPROVED.equals(status)) {
            return;
        }
        this.authority = authority;
        this.authorityName = authorityName;
        this.legalBasis = legalBasis;
        this.filingDeadline = filingDeadline;
        this.remedies = String.join(",", remedies);
        this.noticeTemplate = noticeTemplate;
        this.recallLevel = recallLevel;
    }

    void approve(String by, Instant at) {
        this.status = APPROVED;
        this.approvedBy = by;
        this.approvedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public Long getRecallId() { return recallId; }
    public String getCountry() { return country; }
    public String getAuthority() { return authority; }
    public String getAuthorityName() { return authorityName; }
    public String getLegalBasis() { return legalBasis; }
    public String getFilingDeadline() { return filingDeadline; }
    /** The remedies offered to buyers in this market (REFUND, REPLACEMENT, REPAIR), in the table's order. */
    public List<String> getRemedies() { return Recall.split(remedies); }
    public String getNoticeTemplate() { return noticeTemplate; }
    public String getRecallLevel() { return recallLevel; }
    public String getStatus() { return status; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
}
