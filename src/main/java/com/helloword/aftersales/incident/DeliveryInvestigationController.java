package com.helloword.aftersales.incident;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.casework.api.CaseRecords.CaseSummary;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.ApiCaller;

/**
 * Delivered but not received, for the case's readers (its team, the teams it went through, overseers): the proof
 * of delivery the agent's form links to, and the carrier investigation opened from outside Tasklist.
 */
@RestController
class DeliveryInvestigationController {

    private final CaseRecords cases;
    private final DeliveryProofs proofs;
    private final DeliveryInvestigationService investigations;
    private final ApiAccess access;

    DeliveryInvestigationController(CaseRecords cases, DeliveryProofs proofs,
            DeliveryInvestigationService investigations, ApiAccess access) {
        this.cases = cases;
        this.proofs = proofs;
        this.investigations = investigations;
        this.access = access;
    }

    private CaseSummary readable(String caseKey) {
        ApiCaller caller = access.caller();
        CaseSummary c = cases.caseByKey(caseKey).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No case " + caseKey));
        if (!cases.mayRead(caseKey, caller.userId(), caller.groupIds())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Case " + caseKey + " is not with a team of user "
                    + caller.userId());
        }
        return c;
    }

    @GetMapping("/api/cases/{caseKey}/proof-of-delivery")
    DeliveryProofs.ProofView proofOfDelivery(@PathVariable String caseKey) {
        CaseSummary c = readable(caseKey);
        return proofs.proof(c.caseId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Case " + caseKey + " is no delivered-but-not-received case"));
    }

    /** 201 with the investigation key (200 when one is open already, which is returned). */
    @PostMapping("/api/cases/{caseKey}/carrier-investigation")
    ResponseEntity<Map<String, String>> openInvestigation(@PathVariable String caseKey) {
        CaseSummary c = readable(caseKey);
        boolean open = investigations.hasOpenInvestigation(c.caseId());
        try {
            String key = investigations.requestInvestigation(c.caseId(), access.caller().userId());
            return ResponseEntity.status(open ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Map.of("investigationKey", key, "caseKey", caseKey));
        } catch (IllegalStateException cannot) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, cannot.getMessage());
        }
    }
}
