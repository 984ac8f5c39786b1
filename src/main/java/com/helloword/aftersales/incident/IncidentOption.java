package com.helloword.aftersales.incident;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One of the three remedies an incident offers (number 1 to 3, as the buyer's links name them): a coupon of
 * {@code amount} {@code currency}, an express reship, a refund, or a partial refund of {@code percent} of the order
 * or of {@code amount} {@code currency}.
 */
@Entity
@Table(name = "shipment_incident_options")
public class IncidentOption extends CaseFileEntity {

    @Column(updatable = false)
    private Long incidentId;
    @Column(updatable = false)
    private int optionNo;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private IncidentRemedy remedy;
    @Column(updatable = false)
    private BigDecimal amount;
    @Column(updatable = false)
    private Integer percent;
    @Column(updatable = false)
    private String currency;

    protected IncidentOption() {
    }

    IncidentOption(Long incidentId, int optionNo, IncidentRemedy remedy, BigDecimal amount, Integer percent,
            String currency) {
        this.incidentId = incidentId;
        this.optionNo = optionNo;
        this.remedy = remedy;
        this.amount = amount;
        this.percent = percent;
        this.currency = currency;
    }

    public Long getIncidentId() { return incidentId; }
    public int getOptionNo() { return optionNo; }
    public IncidentRemedy getRemedy() { return remedy; }
    public BigDecimal getAmount() { return amount; }
    public Integer getPercent() { return percent; }
    public String getCurrency() { return currency; }
}
