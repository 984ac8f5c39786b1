package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/** Service accounts: a token nobody can lock, no engine rights, and no grants left over from before. */
@IntegrationTest
class ServiceAccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    AuthorizationService authorizationService;

    private HttpResponse<String> intake(Http http, String login) {
        String id = UUID.randomUUID().toString();
        return http.post("/api/intake/messages", login, "application/json", """
                {"storeId": "amazon-us", "channel": "email", "externalMessageId": "svc-%s",
                 "buyerEmail": "svc-%s@example.com", "subject": "Where is my order?",
                 "body": "Hello, where is my parcel?", "receivedAt": "2026-11-20T08:00:00Z"}""".formatted(id, id));
    }

    @Test
    void strangersTryingPasswordsOnTheRelayDoNotStopTheIntake() {
        Http stranger = new Http(port);
        for (int attempt = 0; attempt < 15; attempt++) {
            HttpResponse<String> api = stranger.get("/api/stores", "relay:guess-" + attempt);
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("token");
            assertThat(stranger.get("/engine-rest/task", "relay:guess-" + attempt).statusCode()).isEqualTo(403);
        }
        // even the right password is no way in: the relay uses its token
        assertThat(stranger.get("/api/stores", "relay:relay").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/api/stores", "Bearer not-the-token").statusCode()).isEqualTo(401);

        HttpResponse<String> fed = intake(new Http(port), Http.RELAY);
        assertThat(fed.statusCode()).as(fed.body()).isEqualTo(201);
    }

    @Test
    void theRelayReachesNothingButTheIntakeThroughTheEngine() {
        Http relay = new Http(port);
        assertThat(relay.get("/engine-rest/process-instance", "relay").statusCode()).isEqualTo(403);
        assertThat(relay.get("/engine-rest/process-instance", Http.RELAY).statusCode()).isEqualTo(401);
        assertThat(relay.send("POST", "/engine-rest/process-definition/key/skuQualityAlert/start", "relay",
                "application/json", "{}".getBytes()).statusCode()).isEqualTo(403);
        // and its /api reach ends at the intake and what the ERP reads
        assertThat(relay.get("/api/returns/platform", Http.RELAY).statusCode()).isEqualTo(403);
        assertThat(relay.send("POST", "/api/returns/platform/sync", Http.RELAY, null, new byte[0]).statusCode())
                .isEqualTo(403);
        assertThat(relay.get("/api/purchasing/holds", Http.RELAY).statusCode()).isEqualTo(200);
    }

    @Test
    void grantsAnEarlierVersionMadeAreTakenBackAtTheNextStart(@Autowired IdentityBootstrap identity) {
        Authorization old = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId(Groups.INTEGRATIONS);
        old.setResource(Resources.PROCESS_INSTANCE);
        old.setResourceId(Authorization.ANY);
        old.addPermission(Permissions.CREATE);
        old.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(old);
        Authorization designers = authorizationService.createAuthorizationQuery().groupIdIn(Groups.PROCESS_DESIGNERS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
        designers.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(designers);

        identity.run(null);

        assertThat(authorizationService.isUserAuthorized("relay", java.util.List.of(Groups.INTEGRATIONS),
                Permissions.UPDATE, Resources.PROCESS_INSTANCE, "any-instance")).isFalse();
        assertThat(authorizationService.isUserAuthorized("dora", java.util.List.of(Groups.PROCESS_DESIGNERS),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "returnProcess")).isFalse();
        assertThat(authorizationService.isUserAuthorized("dora", java.util.List.of(Groups.PROCESS_DESIGNERS),
                Permissions.READ, Resources.PROCESS_DEFINITION, "returnProcess")).isTrue();
    }

    @Test
    void noGrantIsTakenBackByTheSameStart() {
        for (IdentityBootstrap.Grant grant : IdentityBootstrap.grants()) {
            for (IdentityBootstrap.Grant retired : IdentityBootstrap.retired()) {
                if (grant.groupId().equals(retired.groupId()) && grant.resource().equals(retired.resource())
                        && grant.resourceId().equals(retired.resourceId())) {
                    assertThat(java.util.Arrays.stream(grant.permissions())
                            .filter(p -> java.util.Arrays.asList(retired.permissions()).contains(p))
                            .map(p -> p.getName()).toList())
                            .as("%s on %s %s is granted and taken back", grant.groupId(), grant.resource(),
                                    grant.resourceId())
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void aPageOfAnotherSiteCannotChangeAnything() {
        Http browser = new Http(port);
        String own = "http://127.0.0.1:" + port;
        HttpResponse<String> forged = browser.send("POST", "/api/returns/platform/sync", "leo", null, new byte[0],
                "Origin", "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("cross-site");
        assertThat(browser.send("POST", "/api/returns/platform/sync?storeId=none", "leo", null, new byte[0],
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(browser.send("PUT", "/engine-rest/process-instance/none/suspended", "demo", "application/json",
                "{\"suspended\":false}".getBytes(), "Origin", "null").statusCode()).isEqualTo(403);
        // reading stays open to any page (CORS keeps the answer from it), and this server's own pages pass
        assertThat(browser.send("GET", "/api/stores", "leo", null, null, "Origin", "https://evil.example")
                .statusCode()).isEqualTo(200);
        assertThat(browser.send("POST", "/api/returns/platform/sync?storeId=none", "leo", null, new byte[0],
                "Origin", own).statusCode()).isNotEqualTo(403);
        assertThat(CrossSiteRefusal.origin("HTTPS://Shop.Example:443/path")).isEqualTo("https://shop.example");
    }
}
