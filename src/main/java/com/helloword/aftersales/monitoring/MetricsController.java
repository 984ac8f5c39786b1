package com.helloword.aftersales.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/** The managers' figures over HTTP (docs/metrics.md): managers, team leads and Camunda admins. */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

    private final MetricsQueries queries;
    private final ApiAccess access;

    private final Map<String, Supplier<Object>> sections;

    MetricsController(MetricsQueries queries, ApiAccess access) {
        this.queries = queries;
        this.access = access;
        Map<String, Supplier<Object>> bySection = new LinkedHashMap<>();
        bySection.put("open-cases", queries::openCases);
        bySection.put("sla", queries::sla);
        bySection.put("overdue", queries::overdue);
        bySection.put("teams", queries::teams);
        bySection.put("skus", queries::skus);
        bySection.put("disputes", queries::disputes);
        bySection.put("recalls", queries::recalls);
        bySection.put("incidents", queries::incidents);
        bySection.put("heatmap", queries::heatmap);
        this.sections = Collections.unmodifiableMap(bySection);
    }

    @GetMapping
    MetricsOverview overview() {
        requireViewer();
        return queries.overview();
    }

    /** One section of the overview alone: {@code open-cases}, {@code sla}, ... (the overview's names, kebab-case). */
    @GetMapping("/{section}")
    Object section(@PathVariable String section) {
        requireViewer();
        Supplier<Object> query = sections.get(section);
        if (query == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No metrics section " + section + "; there are "
                    + String.join(", ", sections.keySet()));
        }
        return query.get();
    }

    /** The cases behind a figure, newest first, at most 200. */
    @GetMapping("/cases")
    List<MetricsCase> cases(@RequestParam(required = false) String severity,
            @RequestParam(required = false) String storeId, @RequestParam(required = false) String team,
            @RequestParam(required = false) String state, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String category, @RequestParam(required = false) String week) {
        requireViewer();
        return queries.cases(MetricsCaseFilter.parse(severity, storeId, team, state, sku, category, week));
    }

    private void requireViewer() {
        access.requireAnyGroup(Groups.MANAGERS, Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);
    }
}
