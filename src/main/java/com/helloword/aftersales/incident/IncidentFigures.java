package com.helloword.aftersales.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's figures from its rows, in one grouped query: how many orders it affects, how many were mailed and
 * reminded, what the buyers chose and what they got by default, how many remedies are carried out, left for people,
 * or still open.
 */
@Component
class IncidentFigures {

    record Figures(long affectedOrders, long mailed, long reminded, Map<String, Long> chosen,
            Map<String, Long> defaulted, long executed, long byHand, long open) {
    }

    private final IncidentOrderRepository rows;

    IncidentFigures(IncidentOrderRepository rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public Figures of(long incidentId) {
        long affected = 0;
        long mailed = 0;
        long reminded = 0;
        long executed = 0;
        long byHand = 0;
        Map<String, Long> chosen = new TreeMap<>();
        Map<String, Long> defaulted = new TreeMap<>();
        for (Object[] group : rows.figures(incidentId)) {
            IncidentOrder.Status status = (IncidentOrder.Status) group[0];
            IncidentRemedy remedy = (IncidentRemedy) group[1];
            IncidentOrder.ChosenBy by = (IncidentOrder.ChosenBy) group[2];
            long count = ((Number) group[3]).longValue();
            affected += count;
            mailed += ((Number) group[4]).longValue();
            reminded += ((Number) group[5]).longValue();
            if (status == IncidentOrder.Status.EXECUTED) {
                executed += count;
            } else if (status == IncidentOrder.Status.BY_HAND) {
                byHand += count;
            }
            if (remedy != null) {
                (by == IncidentOrder.ChosenBy.DEFAULT ? defaulted : chosen).merge(remedy.name(), count, Long::sum);
            }
        }
        return new Figures(affected, mailed, reminded, chosen, defaulted, executed, byHand, affected - executed);
    }

    /** Orders not settled yet: not chosen, or their remedy not carried out. */
    @Transactional(readOnly = true)
    public long open(long incidentId) {
        return rows.countOpen(incidentId);
    }

    /** One line for Cockpit: "120 orders, 120 mailed; chosen COUPON 40, REFUND 30; by default ...". */
    @Transactional(readOnly = true)
    public String summaryLine(long incidentId) {
        Figures f = of(incidentId);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("orders", f.affectedOrders());
        parts.put("mailed", f.mailed());
        parts.put("reminded", f.reminded());
        parts.put("chosen", f.chosen());
        parts.put("default", f.defaulted());
        parts.put("carried out", f.executed());
        parts.put("by hand", f.byHand());
        StringBuilder line = new StringBuilder();
        parts.forEach((k, v) -> line.append(line.isEmpty() ? "" : "; ").append(k).append(' ').append(v));
        return line.toString();
    }
}
