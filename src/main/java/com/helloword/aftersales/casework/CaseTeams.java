package com.helloword.aftersales.casework;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.OrderWork;
import com.helloword.aftersales.security.ApiCaller;
import com.helloword.aftersales.security.Groups;

/**
 * Who may read a case: the same team rules as its tasks. Managers, team leads and admins oversee every
 * case; anyone else reads a case that is (or was) with their team — the case's group, or a group or
 * person one of its tasks was ever offered to (an approval, an arbitration) — and nothing else.
 */
@Component
class CaseTeams implements OrderWork {

    static final List<String> OVERSEERS = List.of(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);

    private final HistoryService history;
    private final AfterSalesCaseRepository cases;

    CaseTeams(HistoryService history, AfterSalesCaseRepository cases) {
        this.history = history;
        this.cases = cases;
    }

    boolean mayRead(ApiCaller caller, AfterSalesCase afterSalesCase) {
        if (caller.groupIds().stream().anyMatch(OVERSEERS::contains)
                || caller.groupIds().contains(afterSalesCase.getCandidateGroup())) {
            return true;
        }
        String processInstanceId = afterSalesCase.getProcessInstanceId();
        if (processInstanceId == null) {
            return false;
        }
        if (history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskAssignee(caller.userId()).count() > 0) {
            return true;
        }
        return caller.groupIds().stream().anyMatch(group -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskHadCandidateGroup(group).count() > 0);
    }

    /** A team works on an order when it may read one of the order's cases. */
    @Override
    @Transactional(readOnly = true)
    public boolean needsBuyerOf(ApiCaller caller, long orderId) {
        return cases.findByOrderId(orderId).stream().anyMatch(c -> mayRead(caller, c));
    }
}
