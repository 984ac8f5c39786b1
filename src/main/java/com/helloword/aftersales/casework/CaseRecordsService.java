package com.helloword.aftersales.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.dispute.api.DisputeDeadlineMissed;
import com.helloword.aftersales.dispute.api.DisputeEnded;

/**
 * The case file's side of dispute arbitration: reads cases for the evidence pack ({@link CaseRecords}) and writes
 * what a dispute did into the case — a missed platform deadline as a staff note, and the end of the dispute: the
 * case is closed with the arbitration's result, or, when the dispute was cancelled, reopened for the team.
 */
@Service
class CaseRecordsService implements CaseRecords {

    static final String CHANNEL = "arbitration";

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final CaseTeams teams;
    private final Clock clock;

    CaseRecordsService(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, CaseTeams teams, Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.teams = teams;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseSummary> caseByKey(String caseKey) {
        return cases.findByBusinessKey(caseKey).map(CaseRecordsService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(String caseKey, String userId, List<String> groupIds) {
        return cases.findByBusinessKey(caseKey)
                .map(c -> teams.mayRead(new com.helloword.aftersales.security.ApiCaller(userId, groupIds), c))
                .orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public long routeComplaints(String carrier, String destinationCountry, Instant since,
            java.util.Collection<String> categories) {
        return categories.isEmpty() ? 0 : cases.countRouteComplaints(carrier, destinationCountry, since, categories);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseSummary> caseOf(long caseId) {
        return cases.findById(caseId).map(CaseRecordsService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RemedyFact> moneyBackRemedies(Instant since) {
        List<RemedyFact> facts = new java.util.ArrayList<>();
        for (CaseRemedy remedy : remedies.findAgreedSince(since)) {
            AfterSalesCase c = remedy.getAfterSalesCase();
            Integer percent = switch (remedy.getRemedy()) {
                case PARTIAL_REFUND_KEEP_ITEM -> remedy.getPercent();
                case REFUND, RETURN_AND_REFUND -> 100;
                case NONE -> 0;
                default -> null;
            };
            if (percent == null || c.getOrder() == null || c.getOrder().getLines().isEmpty()) {
                continue;
            }
            facts.add(new RemedyFact(c.getStore().getId(), c.getOrder().getLines().get(0).getSku(), c.getCategory(),
                    c.getBusinessKey(), remedy.getRemedy().name(), percent, remedy.getChosenAt()));
        }
        return facts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseSummary> casesOfOrder(long orderId) {
        return cases.findByOrderIdOrderByIdAsc(orderId).stream().map(CaseRecordsService::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseSummary> casesOfBuyer(long buyerId, Instant since) {
        return cases.findByBuyerIdAndOpenedAtGreaterThanEqualOrderByOpenedAtDesc(buyerId, since).stream()
                .map(CaseRecordsService::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseMessageLine> messages(long caseId) {
        return cases.findById(caseId).map(c -> c.getMessages().stream()
                .map(m -> new CaseMessageLine(m.getDirection().name(), m.getChannel(), m.getOccurredAt(),
                        m.getSubject(), m.getBody()))
                .toList()).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseRemedyLine> remedies(long caseId) {
        return remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId).stream()
                .map(r -> new CaseRemedyLine(r.getAfterSalesCase().getBusinessKey(), r.getRemedy().name(),
                        r.getPercent(), r.getAmount(), r.getCurrency(), r.getStatus().name(), r.getChosenBy(),
                        r.getApprovedBy(), r.getChosenAt()))
                .toList();
    }

    /** The platform's deadline passed unanswered: a staff note on the case says so. */
    @EventListener
    @Transactional
    public void deadlineMissed(DisputeDeadlineMissed missed) {
        if (missed.caseId() == null) {
            return;
        }
        cases.findById(missed.caseId()).ifPresent(c -> c.addMessage(MessageDirection.INTERNAL, CHANNEL, null,
                "Platform deadline missed", "Dispute " + missed.disputeKey() + " was not answered by the platform's"
                        + " respond-by date " + missed.respondBy() + ".", c.getLanguage(), clock.instant()));
    }

    /**
     * The dispute ended: the case is closed with the arbitration's result (a staff note says which), except a
     * cancelled dispute, which leaves the case to the team as it was.
     */
    @EventListener
    @Transactional
    public void disputeEnded(DisputeEnded ended) {
        if (ended.caseId() == null) {
            return;
        }
        cases.findById(ended.caseId()).ifPresent(c -> {
            String result = ended.state() + (ended.decision() == null ? "" : " (" + ended.decision()
                    + (ended.percentOfOrder() == null ? "" : " " + ended.percentOfOrder() + " %") + ")");
            c.addMessage(MessageDirection.INTERNAL, CHANNEL, null, "Dispute " + ended.disputeKey() + " ended",
                    "Dispute " + ended.disputeKey() + " ended: " + result + ".", c.getLanguage(), clock.instant());
            if (!"CANCELLED".equals(ended.state())) {
                c.close("ARBITRATED", clock.instant());
            }
        });
    }

    private static CaseSummary summary(AfterSalesCase c) {
        return new CaseSummary(c.getId(), c.getBusinessKey(), c.getStore() == null ? null : c.getStore().getId(),
                c.getOrder() == null ? null : c.getOrder().getId(),
                c.getOrder() == null ? null : c.getOrder().getPlatformOrderId(),
                c.getBuyer() == null ? null : c.getBuyer().getId(), c.getCategory(), c.getStatus().name(),
                c.getLanguage(), c.getOpenedAt(), c.getClosedAt());
    }
}
