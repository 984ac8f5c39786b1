package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.web.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers recalls and starts their process; the one way in, whether a recall manager starts it (API or
 * Tasklist start form), a regulator's notice does, or the safety signal. A recall that is not one (no SKU
 * sold under that name, a country that does not exist, an unknown store) is refused with every reason, and
 * nothing is started.
 */
@Service
public class RecallService implements RecallStarts {

    static final int MAX_REASON = 2000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final RecallRepository recalls;
    private final RecallEventRepository events;
    private final StoreRepository stores;
    private final AffectedOrders affected;
    private final RuntimeService runtime;
    private final Clock clock;

    RecallService(RecallRepository recalls, RecallEventRepository events, StoreRepository stores,
            AffectedOrders affected, RuntimeService runtime, Clock clock) {
        this.recalls = recalls;
        this.events = events;
        this.stores = stores;
        this.affected = affected;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Recall start(StartRecall command, String startedBy) {
        Recall recall = register(command, startedBy);
        ProcessInstance instance = runtime.startProcessInstanceByKey(RecallProcess.PROCESS_KEY, recall.getRecallKey(),
                Map.of(RecallProcess.VAR_RECALL_ID, recall.getId(), RecallProcess.VAR_RECALL_KEY,
                        recall.getRecallKey()));
        recall.started(instance.getId());
        return recall;
    }

    /**
     * Registers a recall whose process is already running: the Tasklist start form started it, and its first
     * step calls this. Refuses like {@link #start}; the refusal rolls the start back.
     */
    @Transactional
    public Recall registerStarted(StartRecall command, String startedBy, String processInstanceId) {
        Recall recall = register(command, startedBy);
        recall.started(processInstanceId);
        return recall;
    }

    private Recall register(StartRecall command, String startedBy) {
        StartRecall clean = check(command);
        Recall recall = recalls.save(new Recall(clean.sku(), clean.batches(), clean.countries(), clean.storeIds(),
                clean.reason(), clean.source() == null ? RecallSource.MANUAL : clean.source(), clean.sourceRef(),
                startedBy, clock.instant()));
        recall.named();
        events.save(new RecallEvent(recall.getId(), clock.instant(), "STARTED", startedBy,
                recall.getSource() + (recall.getSourceRef() == null ? "" : " " + recall.getSourceRef()) + ": "
                        + recall.getSku() + " batches " + recall.getBatches() + " to " + recall.getCountries()));
        return recall;
    }

    /** The command tidied (trimmed, upper-case countries, duplicates dropped), or every reason it is not a recall. */
    @Override
    public StartRecall check(StartRecall command) {
        List<FieldProblem> problems = new ArrayList<>();
        String sku = command.sku() == null ? "" : command.sku().strip();
        if (sku.isEmpty()) {
            problems.add(FieldProblem.of("sku", "is required"));
        } else if (sku.length() > 100) {
            problems.add(FieldProblem.of("sku", "is longer than 100 characters"));
        } else if (!affected.sold(sku)) {
            problems.add(FieldProblem.of("sku", "no order has SKU '" + sku + "'"));
        }
        List<String> batches = tidy(command.batches(), false);
        if (batches.isEmpty()) {
            problems.add(FieldProblem.of("batches", "name at least one batch (lot)"));
        }
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).length() > 100 || batches.get(i).contains(",")) {
                problems.add(FieldProblem.of("batches[" + i + "]", "is not a batch: at most 100 characters, no comma"));
            }
        }
        List<String> countries = tidy(command.countries(), true);
        if (countries.isEmpty()) {
            problems.add(FieldProblem.of("countries", "name at least one destination country"));
        }
        for (int i = 0; i < countries.size(); i++) {
            if (!COUNTRIES.contains(countries.get(i))) {
                problems.add(FieldProblem.of("countries[" + i + "]",
                        "'" + countries.get(i) + "' is not an ISO 3166 country code (two letters, e.g. DE)"));
            }
        }
        List<String> storeIds = tidy(command.storeIds(), false);
        for (int i = 0; i < storeIds.size(); i++) {
            if (!stores.existsById(storeIds.get(i))) {
                problems.add(FieldProblem.of("storeIds[" + i + "]", "no store '" + storeIds.get(i) + "'"));
            }
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            problems.add(FieldProblem.of("reason", "is required: the hazard, as the report will name it"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (String.join(",", batches).length() > 1000 || String.join(",", storeIds).length() > 1000) {
            problems.add(FieldProblem.of("batches", "too many batches or stores for one recall"));
        }
        if (!problems.isEmpty()) {
            throw RejectedRecall.badInput(problems);
        }
        return new StartRecall(sku, batches, countries, storeIds, reason, command.source(), command.sourceRef());
    }

    private static List<String> tidy(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                seen.add(upper ? value.strip().toUpperCase(Locale.ROOT) : value.strip());
            }
        }
        return List.copyOf(seen);
    }

    /** A comma- or line-separated list as a form field gives it. */
    static List<String> listOf(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
