package com.helloword.aftersales.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seller team's groups in Camunda identity. Agents work in one group per market language;
 * dispute specialists in one per region.
 */
public final class Groups {

    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String MANAGERS = "managers";
    public static final String TEAM_LEADS = "team-leads";
    public static final String PROCESS_DESIGNERS = "process-designers";
    public static final String RECALL_MANAGERS = "recall-managers";
    public static final String PRODUCT_TEAM = "product-team";
    public static final String WAREHOUSE = "warehouse";
    public static final String PURCHASING = "purchasing";
    public static final String LOGISTICS = "logistics";
    /** Technical users of systems that feed the intake (mail relays, platform connectors). */
    public static final String INTEGRATIONS = "integrations";

    /** The 12 languages that have an agent team, ISO 639-1. */
    public static final List<String> TEAM_LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt",
            "ja", "ar", "zh");
    /**
     * The regions that have dispute specialists. Which region a marketplace belongs to is the
     * disputeRegion decision's answer (dmn/remedy-approval.dmn), not a rule of this class.
     */
    public static final List<String> DISPUTE_REGIONS = List.of("eu", "na", "apac", "mena");

    /** A group to create: id, display name, and whether its members work tasks in Tasklist. */
    public record GroupSpec(String id, String name, boolean worksTasks) {
    }

    private Groups() {
    }

    public static String agents(String language) {
        return "agents-" + language;
    }

    public static String disputeSpecialists(String region) {
        return "dispute-specialists-" + region;
    }

    public static List<GroupSpec> all() {
        List<GroupSpec> groups = new ArrayList<>();
        groups.add(new GroupSpec(MANAGERS, "Managers", true));
        groups.add(new GroupSpec(TEAM_LEADS, "Team leads", true));
        groups.add(new GroupSpec(PROCESS_DESIGNERS, "Process designers", false));
        groups.add(new GroupSpec(RECALL_MANAGERS, "Recall managers", true));
        groups.add(new GroupSpec(PRODUCT_TEAM, "Product team", true));
        groups.add(new GroupSpec(WAREHOUSE, "Warehouse", true));
        groups.add(new GroupSpec(PURCHASING, "Purchasing", true));
        groups.add(new GroupSpec(LOGISTICS, "Logistics", true));
        groups.add(new GroupSpec(INTEGRATIONS, "Integrations", false));
        for (String region : DISPUTE_REGIONS) {
            groups.add(new GroupSpec(disputeSpecialists(region),
                    "Dispute specialists " + region.toUpperCase(Locale.ROOT), true));
        }
        for (String language : TEAM_LANGUAGES) {
            groups.add(new GroupSpec(agents(language),
                    "Agents " + Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH), true));
        }
        return groups;
    }
}
