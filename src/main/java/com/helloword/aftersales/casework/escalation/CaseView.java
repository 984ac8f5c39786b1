package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.workflow.TaskMarkdown.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseMessage;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.returns.api.CaseReturns;

/**
 * What an agent, team lead or warehouse worker sees of a case in Tasklist: a Markdown text the
 * Camunda Form shows with {@code {{caseView}}}. It holds the grade and the service-level times, the
 * suggested remedy, the messages in order, the order lines and value, its tracking, the buyer's tier and
 * history (earlier cases, returns) and the remedies so far, but never the buyer's name, e-mail or address: the
 * view lives as a task variable, and the engine's history keeps it for the process's history time
 * to live. Buyer text is escaped, so a message cannot put links or markup into the form.
 */
@Component
public class CaseView {

    static final int MAX_MESSAGE_CHARS = 1500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final AfterSalesCaseRepository cases;
    private final SalesOrderRepository orders;
    private final CaseRemedyRepository remedies;
    private final CaseReturns returns;

    CaseView(AfterSalesCaseRepository cases, SalesOrderRepository orders, CaseRemedyRepository remedies,
            CaseReturns returns) {
        this.cases = cases;
        this.orders = orders;
        this.remedies = remedies;
        this.returns = returns;
    }

    /**
     * The view of the case with this id, its times in the store's time zone; {@code suggestion} is the
     * remedy the compensationTier table suggested, one line of Markdown (null: none yet).
     */
    public String render(long caseId, Instant now, String suggestion) {
        AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        ZoneId zone = c.getStore() == null || c.getStore().getTimeZone() == null ? ZoneOffset.UTC
                : ZoneId.of(c.getStore().getTimeZone());
        StringBuilder md = new StringBuilder();
        md.append("**Case ").append(c.getBusinessKey()).append("** · ").append(c.getSeverity()).append(" · ")
                .append(c.getCategory()).append(" · language ").append(c.getLanguage()).append(" · contact ")
                .append(c.getContactCount()).append(" · ").append(c.getStatus()).append("\n\n");
        md.append("**SLA:** opened ").append(when(c.getOpenedAt(), zone));
        if (c.getFirstReplyDueAt() != null) {
            md.append(" · first reply due ").append(when(c.getFirstReplyDueAt(), zone));
            if (c.getFirstReplyDueAt().isBefore(now)) {
                md.append(" (**overdue by ").append(hours(Duration.between(c.getFirstReplyDueAt(), now)))
                        .append("**)");
            }
        }
        if (c.getResolutionDueAt() != null) {
            md.append(" · resolve by ").append(when(c.getResolutionDueAt(), zone));
        }
        md.append(" (times in ").append(zone.getId()).append(")\n\n");
        if (suggestion != null && !suggestion.isBlank()) {
            md.append(suggestion).append("\n\n");
        }
        messages(md, c, zone);
        order(md, c);
        history(md, c);
        remedies(md, c);
        return md.toString();
    }

    private void messages(StringBuilder md, AfterSalesCase c, ZoneId zone) {
        md.append("### Messages\n\n");
        for (CaseMessage m : c.getMessages()) {
            String who = switch (m.getDirection()) {
                case INBOUND -> "Buyer";
                case OUTBOUND -> "We";
                case INTERNAL -> "Internal";
            };
            md.append("**").append(who).append("**, ").append(when(m.getOccurredAt(), zone)).append(", ")
                    .append(escape(m.getChannel()));
            if (m.getSubject() != null && !m.getSubject().isBlank()) {
                md.append(": *").append(escape(m.getSubject())).append('*');
            }
            md.append("\n\n");
            String body = m.getBody() == null ? "" : m.getBody().strip();
            if (body.length() > MAX_MESSAGE_CHARS) {
                body = body.substring(0, MAX_MESSAGE_CHARS) + " …";
            }
            for (String line : body.split("\\R")) {
                md.append("> ").append(escape(line)).append('\n');
            }
            md.append('\n');
        }
    }

    private void order(StringBuilder md, AfterSalesCase c) {
        SalesOrder o = c.getOrder();
        md.append("### Order\n\n");
        if (c.getStore() != null) {
            md.append("Store ").append(escape(c.getStore().getName())).append(" (").append(c.getStore().getPlatform())
                    .append(' ').append(c.getStore().getMarketplaceCountry()).append(")");
        }
        if (o == null) {
            md.append(" · the message names no order of this store\n\n");
            return;
        }
        md.append(" · order ").append(escape(o.getPlatformOrderId())).append(" · value ").append(money(o.total()))
                .append(' ').append(o.getCurrency()).append(" · ").append(o.getStatus());
        if (o.getDestinationCountry() != null) {
            md.append(" · to ").append(o.getDestinationCountry());
        }
        md.append("\n\n");
        if (o.getTrackingNumber() != null) {
            md.append("Shipped ").append(o.getShippedAt() == null ? "" : date(o.getShippedAt())).append(" with ")
                    .append(escape(String.valueOf(o.getCarrier()))).append(", tracking ")
                    .append(escape(o.getTrackingNumber())).append(" · ")
                    .append(o.getTrackingStatus() == null ? "no scan yet" : o.getTrackingStatus());
            if (o.getLastScanAt() != null) {
                md.append(", last scan ").append(date(o.getLastScanAt()));
            }
            if (o.getDeliveredAt() != null) {
                md.append(" · delivered ").append(date(o.getDeliveredAt()));
            }
            md.append("\n\n");
        } else {
            md.append("Tracking: not shipped yet, no tracking number\n\n");
        }
        if (o.isFrozen()) {
            md.append("**Frozen:** ").append(escape(o.getFrozenReason())).append("\n\n");
        }
        md.append("| SKU | Batch | Qty | Unit price |\n|---|---|---|---|\n");
        for (OrderLine line : o.getLines()) {
            md.append("| ").append(escape(line.getSku())).append(" | ")
                    .append(line.getBatchLot() == null ? "" : escape(line.getBatchLot())).append(" | ")
                    .append(line.getQuantity()).append(" | ").append(money(line.getUnitPrice())).append(" |\n");
        }
        md.append('\n');
    }

    private void history(StringBuilder md, AfterSalesCase c) {
        md.append("### Buyer\n\n");
        if (c.getBuyer() == null) {
            md.append("Unknown buyer\n\n");
            return;
        }
        Long buyerId = c.getBuyer().getId();
        CaseReturns.BuyerReturnRecord record = returns.buyerRecord(buyerId, c.getOpenedAt());
        List<AfterSalesCase> earlier = cases.findTop10ByBuyerIdOrderByIdDesc(buyerId).stream()
                .filter(other -> !other.getId().equals(c.getId())).toList();
        md.append("Tier ").append(c.getBuyer().getTier()).append(" · ").append(c.getBuyer().getCountry() == null
                ? "" : c.getBuyer().getCountry() + " · ").append("earlier cases: ")
                .append(earlier.size() == 10 ? "10 or more" : earlier.size()).append(" · returns in 12 months: ")
                .append(record.returnedOrders());
        if (record.changedMindReturns() > 0) {
            md.append(" · \"changed my mind\" returns in 12 months: ").append(record.changedMindReturns());
        }
        if (record.serialReturner()) {
            md.append(" · **serial returner").append(record.serialReturnerSince() == null ? ""
                    : " since " + record.serialReturnerSince().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                    .append(": the next return needs an agent's approval**");
        }
        md.append("\n\n");
        if (earlier.isEmpty()) {
            md.append("No earlier cases.\n\n");
            return;
        }
        md.append("| Earlier case | Opened | Category | Status | Rating |\n|---|---|---|---|---|\n");
        for (AfterSalesCase other : earlier) {
            md.append("| ").append(other.getBusinessKey()).append(" | ").append(date(other.getOpenedAt()))
                    .append(" | ").append(other.getCategory()).append(" | ").append(other.getStatus())
                    .append(other.getResolution() == null ? "" : " (" + other.getResolution() + ")").append(" | ")
                    .append(other.getRating() == null ? "" : other.getRating() + "/5").append(" |\n");
        }
        md.append('\n');
    }

    private void remedies(StringBuilder md, AfterSalesCase c) {
        List<CaseRemedy> chosen = remedies.findByAfterSalesCaseIdOrderByIdAsc(c.getId());
        if (chosen.isEmpty()) {
            return;
        }
        md.append("### Remedies so far\n\n");
        for (CaseRemedy r : chosen) {
            md.append("- ").append(r.getRemedy()).append(describeAmount(r)).append(" · chosen by ")
                    .append(escape(r.getChosenBy())).append(" · ").append(r.getStatus());
            if (r.getApprovedBy() != null && !"AGENT".equals(r.getApproval())) {
                md.append(" (").append(r.getApproval()).append(": ").append(escape(r.getApprovedBy())).append(')');
            }
            if (r.getPlatformRef() != null) {
                md.append(" · platform ").append(escape(r.getPlatformRef()));
            }
            if (r.getNote() != null && !r.getNote().isBlank()) {
                md.append(" · ").append(escape(r.getNote()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String describeAmount(CaseRemedy r) {
        if (r.getAmount() != null) {
            return " " + money(r.getAmount()) + " " + r.getCurrency()
                    + (r.getPercent() == null ? "" : " (" + r.getPercent() + " %)");
        }
        return r.getPercent() == null || r.getPercent() == 0 ? "" : " " + r.getPercent() + " %";
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(OffsetDateTime.ofInstant(at, zone));
    }

    private static String date(Instant at) {
        return at == null ? "" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h";
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
