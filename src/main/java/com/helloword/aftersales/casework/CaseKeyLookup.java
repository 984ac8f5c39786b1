package com.helloword.aftersales.casework;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.api.CaseKeys;
import com.helloword.aftersales.notification.CaseKeyResolver;

@Service
class CaseKeyLookup implements CaseKeys, CaseKeyResolver {

    private final AfterSalesCaseRepository cases;

    CaseKeyLookup(AfterSalesCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> businessKey(long caseId) {
        return cases.findById(caseId).map(AfterSalesCase::getBusinessKey);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> caseKey(long caseId) {
        return businessKey(caseId);
    }
}
