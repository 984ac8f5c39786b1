package com.helloword.aftersales.casework;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.casefile.CaseFileViews.BuyerView;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.ApiCaller;

/** The case-work read API: one after-sales case with its messages, for the teams it is with (CaseTeams). */
@RestController
@RequestMapping("/api")
class CaseController {

    private final CaseReads reads;
    private final ApiAccess access;

    CaseController(CaseReads reads, ApiAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/cases/{businessKey}")
    CaseView afterSalesCase(@PathVariable String businessKey) {
        access.requireCaseReader();
        return reads.afterSalesCase(businessKey, access.caller()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No case " + businessKey));
    }

    public record MessageView(MessageDirection direction, String channel, String externalMessageId, String subject,
            String body, String language, Instant occurredAt) {
    }

    public record CaseView(String businessKey, String storeId, String platformOrderId, BuyerView buyer,
            String channel, String category, Severity severity, CaseStatus status, String language, int contactCount,
            Instant openedAt, Instant claimDueAt, Instant firstReplyDueAt, Instant resolutionDueAt, Instant closedAt,
            String processInstanceId, List<MessageView> messages) {

        static CaseView of(AfterSalesCase c) {
            List<MessageView> messages = c.getMessages().stream()
                    .map(m -> new MessageView(m.getDirection(), m.getChannel(), m.getExternalMessageId(),
                            m.getSubject(), m.getBody(), m.getLanguage(), m.getOccurredAt()))
                    .toList();
            return new CaseView(c.getBusinessKey(), c.getStore() == null ? null : c.getStore().getId(),
                    c.getOrder() == null ? null : c.getOrder().getPlatformOrderId(), BuyerView.of(c.getBuyer()),
                    c.getChannel(), c.getCategory(), c.getSeverity(), c.getStatus(), c.getLanguage(),
                    c.getContactCount(), c.getOpenedAt(), c.getClaimDueAt(), c.getFirstReplyDueAt(),
                    c.getResolutionDueAt(), c.getClosedAt(), c.getProcessInstanceId(), messages);
        }
    }

    /** Read side of the cases, inside a read transaction so the messages load. */
    @Service
    @Transactional(readOnly = true)
    static class CaseReads {

        private final AfterSalesCaseRepository cases;
        private final CaseTeams teams;

        CaseReads(AfterSalesCaseRepository cases, CaseTeams teams) {
            this.cases = cases;
            this.teams = teams;
        }

        /** The case, if it exists; 403 when it is not with the caller's team (CaseTeams). */
        public java.util.Optional<CaseView> afterSalesCase(String businessKey, ApiCaller caller) {
            return cases.findWithMessages(businessKey).map(c -> {
                if (!teams.mayRead(caller, c)) {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Case " + businessKey
                            + " is not with a team of user " + caller.userId());
                }
                return CaseView.of(c);
            });
        }
    }
}
