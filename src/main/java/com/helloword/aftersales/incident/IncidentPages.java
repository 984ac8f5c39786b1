package com.helloword.aftersales.incident;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.SalesOrder;

/**
 * What the buyer's choice page of an incident shows and does, for a link already verified: the option for their
 * order to confirm, then the choice, taken once (the row's status and version: a second click, a second option of
 * the same order, or two clicks at the same moment choose nothing more), and the remedy started in the same
 * transaction as the choice.
 */
@Service
class IncidentPages {

    enum Outcome {
        /** The option, to confirm. */
        CONFIRM,
        /** Chosen now. */
        CHOSEN,
        /** The order has its remedy already (this link was used, or another option of the order). */
        ALREADY_CHOSEN,
        /** The incident no longer takes choices. */
        CLOSED,
        /** No such row or option. */
        UNKNOWN
    }

    record Answer(Outcome outcome, Map<String, Object> model) {
    }

    private final IncidentOrderRepository rows;
    private final IncidentOptionRepository options;
    private final ShipmentIncidentRepository incidents;
    private final IncidentMails mails;
    private final IncidentFanOut fanOut;
    private final Clock clock;
    private final TransactionTemplate transaction;

    IncidentPages(IncidentOrderRepository rows, IncidentOptionRepository options, ShipmentIncidentRepository incidents,
            IncidentMails mails, IncidentFanOut fanOut, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.rows = rows;
        this.options = options;
        this.incidents = incidents;
        this.mails = mails;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    /** The buyer's language (of the row), for a page about a link of ours that expired. */
    @Transactional(readOnly = true)
    public String languageOf(long rowId) {
        return rows.findById(rowId).map(IncidentOrder::getLanguage).orElse(null);
    }

    @Transactional(readOnly = true)
    public Answer show(long rowId, int optionNo) {
        return look(rowId, optionNo).map(found -> new Answer(found.state(), found.model()))
                .orElse(new Answer(Outcome.UNKNOWN, Map.of()));
    }

    /** Takes the choice; a choice that lost a race with another (or with the default) is ALREADY_CHOSEN. */
    public Answer choose(long rowId, int optionNo) {
        try {
            return transaction.execute(status -> chooseOnce(rowId, optionNo));
        } catch (ObjectOptimisticLockingFailureException raced) {
            return look(rowId, optionNo).map(found -> new Answer(Outcome.ALREADY_CHOSEN, found.model()))
                    .orElse(new Answer(Outcome.UNKNOWN, Map.of()));
        }
    }

    private Answer chooseOnce(long rowId, int optionNo) {
        Optional<Found> look = look(rowId, optionNo);
        if (look.isEmpty()) {
            return new Answer(Outcome.UNKNOWN, Map.of());
        }
        Found found = look.get();
        if (found.state() != Outcome.CONFIRM) {
            return new Answer(found.state(), found.model());
        }
        found.row().chose(found.option(), IncidentOrder.ChosenBy.BUYER, clock.instant());
        rows.saveAndFlush(found.row());
        fanOut.startRemedy(found.incident(), found.row());
        Map<String, Object> model = new HashMap<>(found.model());
        model.put("chosenRemedy", found.option().getRemedy().name());
        return new Answer(Outcome.CHOSEN, model);
    }

    private record Found(IncidentOrder row, IncidentOption option, ShipmentIncident incident, Outcome state,
            Map<String, Object> model) {
    }

    private Optional<Found> look(long rowId, int optionNo) {
        Optional<IncidentOrder> row = rows.findById(rowId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<IncidentOption> offered = options.findByIncidentIdOrderByOptionNo(row.get().getIncidentId());
        Optional<IncidentOption> option = offered.stream().filter(o -> o.getOptionNo() == optionNo).findFirst();
        if (option.isEmpty()) {
            return Optional.empty();
        }
        ShipmentIncident incident = incidents.findById(row.get().getIncidentId()).orElseThrow();
        SalesOrder order = mails.orders(List.of(row.get())).get(row.get().getOrderId());
        Map<String, Object> model = new HashMap<>();
        model.put(LANGUAGE, row.get().getLanguage() == null ? "" : row.get().getLanguage());
        model.put("incidentKey", incident.getKey());
        model.put("cause", incident.getCause());
        model.put("orderId", order.getPlatformOrderId());
        model.put("storeName", order.getStore().getName());
        model.put("remedy", option.get().getRemedy().name());
        IncidentRemedies.Money money = IncidentRemedies.moneyOf(option.get(), order);
        if (money != null) {
            model.put("amount", money.amount().toPlainString());
            model.put("currency", money.currency());
        }
        if (option.get().getPercent() != null) {
            model.put("percent", option.get().getPercent());
        }
        Outcome state;
        if (row.get().getStatus().chosen()) {
            state = Outcome.ALREADY_CHOSEN;
            model.put("chosenRemedy", row.get().getRemedy().name());
        } else if (incident.getState() != IncidentState.OPEN) {
            state = Outcome.CLOSED;
        } else {
            state = Outcome.CONFIRM;
        }
        return Optional.of(new Found(row.get(), option.get(), incident, state, model));
    }

    static final String LANGUAGE = "buyerLanguage";
}
