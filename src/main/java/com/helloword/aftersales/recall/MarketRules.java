package com.helloword.aftersales.recall;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.helloword.aftersales.workflow.LatestDecisions;
import org.springframework.stereotype.Component;

/**
 * Reads the recallMarketRules table (dmn/recall-market-rules.dmn) for a destination country: which authority,
 * by when, which remedies and which notice. The process asks the same table in its business-rule task
 * (stage 2); the risk report asks it here to name the authorities concerned before anyone decides.
 */
@Component
class MarketRules {

    /** One row's answer. */
    record Rule(String authority, String authorityName, String legalBasis, String filingDeadline,
            List<String> remedies, String noticeTemplate, String recallLevel) {

        static Rule of(Map<String, Object> entries) {
            String remedies = (String) entries.get("remedies");
            return new Rule((String) entries.get("authority"), (String) entries.get("authorityName"),
                    (String) entries.get("legalBasis"), (String) entries.get("filingDeadline"),
                    remedies == null ? List.of() : Arrays.stream(remedies.split(",")).map(String::strip).toList(),
                    (String) entries.get("noticeTemplate"), (String) entries.get("recallLevel"));
        }
    }

    private final LatestDecisions decisions;

    MarketRules(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    Rule forCountry(String country) {
        return Rule.of(decisions.evaluate(RecallProcess.MARKET_RULES_DECISION,
                Map.of(RecallProcess.VAR_COUNTRY, country)).single().getEntryMap());
    }
}
