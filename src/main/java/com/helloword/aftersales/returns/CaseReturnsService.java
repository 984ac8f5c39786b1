package com.helloword.aftersales.returns;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.returns.api.CaseReturns;

/** The returns capability's door for the other capabilities ({@link CaseReturns}). */
@Service
class CaseReturnsService implements CaseReturns {

    private final ReturnService returns;
    private final BuyerReturnHistory history;
    private final BuyerRepository buyers;

    CaseReturnsService(ReturnService returns, BuyerReturnHistory history, BuyerRepository buyers) {
        this.returns = returns;
        this.history = history;
        this.buyers = buyers;
    }

    @Override
    @Transactional
    public ReturnRef openForCase(CaseReturnRequest request) {
        return ref(returns.request(new ReturnService.NewReturn(request.storeId(), request.platformOrderId(), null,
                null, returnReason(request.caseCategory()), request.exchange() ? "EXCHANGE" : "REFUND",
                ReturnRequest.Source.AGENT_REMEDY, request.caseId())));
    }

    @Override
    @Transactional(readOnly = true)
    public ReturnRef byKey(String returnKey) {
        return ref(returns.byKey(returnKey));
    }

    @Override
    @Transactional(readOnly = true)
    public BuyerReturnRecord buyerRecord(long buyerId, Instant asOf) {
        return buyers.findById(buyerId).map(buyer -> history.record(buyer, asOf)).orElse(BuyerReturnRecord.NONE);
    }

    private static ReturnRef ref(ReturnRequest rma) {
        boolean ownProcess = rma.getSource() != ReturnRequest.Source.AGENT_REMEDY && rma.getProcessInstanceId() != null;
        return new ReturnRef(rma.getId(), rma.getReturnKey(), ownProcess);
    }

    /** The return reason the returnPolicy table knows for a case's category. */
    static String returnReason(String category) {
        return switch (category == null ? "" : category) {
            case "DAMAGED", "DEFECTIVE", "WRONG_ITEM", "MISSING_PARTS", "SIZE_FIT", "COLOR_MISMATCH" -> category;
            case "SAFETY_HAZARD" -> "DEFECTIVE";
            case "REFUND_REQUEST", "GENERAL", "CARE_QUESTION" -> "CHANGED_MIND";
            default -> "NOT_AS_DESCRIBED";
        };
    }
}
