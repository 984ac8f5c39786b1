package com.helloword.aftersales.dispute;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One of the buyer's other orders that a dispute froze: by the platform's fulfilment hold ({@code HOLD}) or, where
 * the platform has none, by a warehouse task ({@code WAREHOUSE}, the task's id kept to withdraw it at release).
 */
@Entity
@Table(name = "dispute_freezes")
public class DisputeFreeze extends CaseFileEntity {

    static final String HOLD = "HOLD";
    static final String WAREHOUSE = "WAREHOUSE";
    static final String HELD = "HELD";
    static final String RELEASED = "RELEASED";

    @Column(updatable = false)
    private Long disputeId;
    @Column(updatable = false)
    private Long orderId;
    @Column(updatable = false)
    private String storeId;
    @Column(updatable = false)
    private String platformOrderId;
    private String method;
    private String state;
    private String taskId;
    private String detail;
    @Column(updatable = false)
    private Instant heldAt;
    private Instant releasedAt;

    protected DisputeFreeze() {
    }

    DisputeFreeze(Long disputeId, Long orderId, String storeId, String platformOrderId, String method, String taskId,
            String detail, Instant at) {
        this.disputeId = disputeId;
        this.orderId = orderId;
        this.storeId = storeId;
        this.platformOrderId = platformOrderId;
        this.method = method;
        this.state = HELD;
        this.taskId = taskId;
        this.detail = clip(detail);
        this.heldAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void released(String detail, Instant at) {
        this.state = RELEASED;
        this.detail = clip(detail);
        this.releasedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    boolean isHeld() {
        return HELD.equals(state);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    public Long getDisputeId() { return disputeId; }
    public Long getOrderId() { return orderId; }
    public String getStoreId() { return storeId; }
    public String getPlatformOrderId() { return platformOrderId; }
    public String getMethod() { return method; }
    public String getState() { return state; }
    public String getTaskId() { return taskId; }
    public String getDetail() { return detail; }
    public Instant getHeldAt() { return heldAt; }
    public Instant getReleasedAt() { return releasedAt; }
}
