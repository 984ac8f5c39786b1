package com.helloword.aftersales.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;


/**
 * A return as the API shows it: the decision, the label, the refund deadline, the outcome and the
 * timeline; no personal data.
 */
public record ReturnView(String returnKey, String caseKey, String storeId, String platformOrderId, String sku,
        String source, String platformReturnId, String reason, String wanted, String exchangeWish, String exchangeSku,
        String status, Boolean eligible, Integer windowDays, LocalDate lastDay, String postagePaidBy,
        Boolean freePickup, Boolean freeExchange, String refusalReason, String policyDecision, String carrier,
        String labelTracking, String labelSource, Instant receivedAt, String conditionGrade, String outcome,
        LocalDate refundDueOn, BigDecimal refundAmount, String refundCurrency, String platformRef, List<Step> timeline) {

    public record Step(Instant at, String code, String detail) {
    }

    static ReturnView of(ReturnRequest r, String caseKey) {
        return new ReturnView(r.getReturnKey(), caseKey, r.getOrder().getStore().getId(),
                r.getOrder().getPlatformOrderId(), r.getSku(), r.getSource().name(), r.getPlatformReturnId(),
                r.getReason(), r.getWanted().name(), r.getExchangeWish(), r.getExchangeSku(), r.getStatus().name(),
                r.getEligible(), r.getWindowDays(), r.getLastDay(), r.getPostagePaidBy(), r.getFreePickup(),
                r.getFreeExchange(), r.getRefusalReason(), r.getPolicyDecision(), r.getCarrier(), r.getLabelTracking(),
                r.getLabelSource() == null ? null : r.getLabelSource().name(), r.getReceivedAt(),
                r.getConditionGrade(), r.getOutcome() == null ? null : r.getOutcome().name(), r.getRefundDueOn(),
                r.getRefundAmount(), r.getRefundCurrency(), r.getPlatformRef(), r.getTimeline().stream()
                        .map(e -> new Step(e.getOccurredAt(), e.getCode(), e.getDetail())).toList());
    }
}
