package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One notification to one authority (US CPSC, the EU Safety Business Gateway, UK OPSS ...), covering the
 * recall's markets that authority answers for. The system prepares the content; filing it is a person's
 * act, whose reference is recorded here. Due at the earliest deadline of its markets' plans.
 */
@Entity
@Table(name = "recall_filings")
public class RecallFiling extends CaseFileEntity {

    public static final String OPEN = "OPEN";
    public static final String FILED = "FILED";

    @Column(updatable = false)
    private Long recallId;
    @Column(updatable = false)
    private String authority;
    private String authorityName;
    private String countries;
    private Instant dueAt;
    @Lob
    private String content;
    private String status;
    private Instant warnedAt;
    private Instant missedAt;
    private Instant filedAt;
    private String filedBy;
    private String reference;
    @Version
    private long version;

    protected RecallFiling() {
    }

    RecallFiling(Long recallId, String authority, String authorityName, List<String> countries, Instant dueAt,
            String content) {
        this.recallId = recallId;
        this.authority = authority;
        this.authorityName = authorityName;
        this.countries = String.join(",", countries);
        this.dueAt = dueAt.truncatedTo(ChronoUnit.SECONDS);
        this.content = content;
        this.status = OPEN;
    }

    void warned(Instant at) {
        this.warnedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void missed(Instant at) {
        if (missedAt == null) {
            this.missedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    void filed(String reference, String by, Instant at) {
        this.status = FILED;
        this.reference = reference;
        this.filedBy = by;
        this.filedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean isFiled() { return FILED.equals(status); }
    public Long getRecallId() { return recallId; }
    public String getAuthority() { return authority; }
    public String getAuthorityName() { return authorityName; }
    public List<String> getCountries() { return Recall.split(countries); }
    public Instant getDueAt() { return dueAt; }
    /** The filled notification, ready to paste into the authority's form. */
    public String getContent() { return content; }
    public String getStatus() { return status; }
    public Instant getWarnedAt() { return warnedAt; }
    public Instant getMissedAt() { return missedAt; }
    public Instant getFiledAt() { return filedAt; }
    public String getFiledBy() { return filedBy; }
    public String getReference() { return reference; }
}
