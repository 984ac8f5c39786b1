package com.helloword.aftersales.returns;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.returns.api.CaseReturns;
import com.helloword.aftersales.workflow.LatestDecisions;

/** The returns capability's door for the other capabilities ({@link CaseReturns}). */
@Service
class CaseReturnsService implements CaseReturns {

    static final String REASON_DECISION_KEY = "caseReturnReason";

    private final ReturnService returns;
    private final BuyerReturnHistory history;
    private final BuyerRepository buyers;
    private final LatestDecisions decisions;
    private final ReturnRequestRepository requests;

    CaseReturnsService(ReturnService returns, BuyerReturnHistory history, BuyerRepository buyers,
            LatestDecisions decisions, ReturnRequestRepository requests) {
        this.returns = returns;
        this.history = history;
        this.buyers = buyers;
        this.decisions = decisions;
        this.requests = requests;
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
    /** Read-write although it writes nothing here: the serialReturner table's evaluation goes to the engine's history. */
    @Transactional
    public BuyerReturnRecord buyerRecord(long buyerId, Instant asOf) {
        return buyers.findById(buyerId).map(buyer -> history.record(buyer, asOf)).orElse(BuyerReturnRecord.NONE);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<BuyerReturnLine> returnsOfBuyer(long buyerId, Instant since) {
        return requests.findOfBuyerSince(buyerId, since).stream().map(r -> new BuyerReturnLine(r.getReturnKey(),
                r.getOrder().getStore().getId(), r.getOrder().getPlatformOrderId(), r.getSku(), r.getReason(),
                r.getStatus().name(), r.getOutcome() == null ? null : r.getOutcome().name(), r.getRequestedAt()))
                .toList();
    }

    private static ReturnRef ref(ReturnRequest rma) {
        boolean ownProcess = rma.getSource() != ReturnRequest.Source.AGENT_REMEDY && rma.getProcessInstanceId() != null;
        return new ReturnRef(rma.getId(), rma.getReturnKey(), ownProcess);
    }

    /** The return reason the returnPolicy table knows for a case's category: the caseReturnReason table's. */
    String returnReason(String category) {
        return decisions.evaluate(REASON_DECISION_KEY, Map.of("caseCategory", category == null ? "" : category))
                .output("reason");
    }
}
