package com.helloword.aftersales.security;

import java.util.List;

/**
 * One demo user per role, password = user id. Created only while demo data is on; the prod
 * profile refuses to start while any of them can still log in with that password.
 */
public final class DemoUsers {

    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("mia", "Mia", "Manager", List.of(Groups.MANAGERS)),
            new DemoUser("leo", "Leo", "Lead", List.of(Groups.TEAM_LEADS)),
            new DemoUser("dora", "Dora", "Designer", List.of(Groups.PROCESS_DESIGNERS)),
            new DemoUser("rita", "Rita", "Recall", List.of(Groups.RECALL_MANAGERS)),
            new DemoUser("pete", "Pete", "Product", List.of(Groups.PRODUCT_TEAM)),
            new DemoUser("walt", "Walt", "Warehouse", List.of(Groups.WAREHOUSE)),
            new DemoUser("pam", "Pam", "Purchasing", List.of(Groups.PURCHASING)),
            new DemoUser("lou", "Lou", "Logistics", List.of(Groups.LOGISTICS)),
            new DemoUser("relay", "Mail", "Relay", List.of(Groups.INTEGRATIONS)),
            new DemoUser("eva", "Eva", "Specialist EU", List.of(Groups.disputeSpecialists("eu"))),
            new DemoUser("nick", "Nick", "Specialist NA", List.of(Groups.disputeSpecialists("na"))),
            new DemoUser("ana", "Ana", "Specialist APAC", List.of(Groups.disputeSpecialists("apac"))),
            new DemoUser("malik", "Malik", "Specialist MENA", List.of(Groups.disputeSpecialists("mena"))),
            new DemoUser("emma", "Emma", "Agent EN", List.of(Groups.agents("en"))),
            new DemoUser("lena", "Lena", "Agent DE", List.of(Groups.agents("de"))),
            new DemoUser("chloe", "Chloe", "Agent FR", List.of(Groups.agents("fr"))),
            new DemoUser("pablo", "Pablo", "Agent ES", List.of(Groups.agents("es"))),
            new DemoUser("giulia", "Giulia", "Agent IT", List.of(Groups.agents("it"))),
            new DemoUser("daan", "Daan", "Agent NL", List.of(Groups.agents("nl"))),
            new DemoUser("zofia", "Zofia", "Agent PL", List.of(Groups.agents("pl"))),
            new DemoUser("astrid", "Astrid", "Agent SV", List.of(Groups.agents("sv"))),
            new DemoUser("joao", "Joao", "Agent PT", List.of(Groups.agents("pt"))),
            new DemoUser("yuki", "Yuki", "Agent JA", List.of(Groups.agents("ja"))),
            new DemoUser("omar", "Omar", "Agent AR", List.of(Groups.agents("ar"))),
            new DemoUser("wei", "Wei", "Agent ZH", List.of(Groups.agents("zh"))));

    private DemoUsers() {
    }
}
