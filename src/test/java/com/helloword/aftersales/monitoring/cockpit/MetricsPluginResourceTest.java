package com.helloword.aftersales.monitoring.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The plugin's REST resource behind the After-sales view: the Cockpit session of a manager gets the JSON of
 * {@code GET /api/metrics}; an agent logged in to the webapps gets 403 with the reason; no session, no figures.
 */
@IntegrationTest
class MetricsPluginResourceTest {

    private static final String METRICS = "/camunda/api/cockpit/plugin/aftersales/default/metrics";

    @LocalServerPort
    int port;

    @Test
    void aManagersCockpitSessionReadsTheSameFiguresAsTheApi() {
        Http browser = session("mia", "cockpit");
        HttpResponse<String> plugin = browser.get(METRICS, null);
        assertThat(plugin.statusCode()).as(plugin.body()).isEqualTo(200);
        HttpResponse<String> api = new Http(port).get("/api/metrics", "mia");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);

        JsonNode fromPlugin = Http.json(plugin);
        JsonNode fromApi = Http.json(api);
        assertThat(fromPlugin.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(() -> fromApi.fieldNames());
        // generatedAt differs by the moments of the two calls; the figures do not
        for (String section : new String[] {"openCases", "overdue", "skus", "disputes", "heatmap"}) {
            assertThat(fromPlugin.get(section)).as(section).isEqualTo(fromApi.get(section));
        }
    }

    @Test
    void theDrillDownAnswersAListAndRefusesAnUnknownState() {
        Http browser = session("mia", "cockpit");
        HttpResponse<String> open = browser.get(METRICS + "/cases?state=open", null);
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        assertThat(Http.json(open).isArray()).isTrue();
        HttpResponse<String> unknown = browser.get(METRICS + "/cases?state=sleeping", null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("state");
    }

    @Test
    void anAgentLoggedInToTheWebappsIsRefused() {
        Http agent = session("lena", "tasklist");
        HttpResponse<String> refused = agent.get(METRICS, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("lena", "managers");
        assertThat(agent.get(METRICS + "/cases", null).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutASessionThereAreNoFigures() {
        HttpResponse<String> anonymous = new Http(port).get(METRICS, null);
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(anonymous.body()).doesNotContain("openCases");
    }

    /** A webapp session of the user, logged in through the given app's login as the browser does. */
    private Http session(String user, String app) {
        Http browser = new Http(port);
        browser.get("/camunda/app/" + app + "/default/", null);
        HttpResponse<String> login = browser.postAsBrowser("/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return browser;
    }
}
