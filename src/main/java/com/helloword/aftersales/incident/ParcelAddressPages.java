package com.helloword.aftersales.incident;

import static com.helloword.aftersales.incident.StuckParcelProcess.MESSAGE_ADDRESS_ANSWERED;
import static com.helloword.aftersales.incident.StuckParcelProcess.VAR_ADDRESS_ANSWER;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * The use cases behind the buyer's address page of an address-problem watch: show the question, and take the
 * answer once (the address is right, or a corrected one). The process hears only CONFIRMED or CHANGED; a corrected
 * address stays in {@code parcel_address_answers} until logistics passed it on. Each answers with the page's model.
 */
@Service
class ParcelAddressPages {

    /** How a request went; the page says why when it did not. */
    enum Outcome {
        FORM, ANSWERED_NOW, UNKNOWN, ALREADY_ANSWERED, CLOSED, ANSWER_MISSING, ADDRESS_MISSING
    }

    static final String ADDRESS_PATH = "ASK_ADDRESS";
    static final int MAX_ADDRESS = 1000;

    record Answer(Outcome outcome, Map<String, Object> model) {
    }

    private final EntityManager entityManager;
    private final ParcelAddressAnswerRepository answers;
    private final SalesOrderRepository orders;
    private final WaitingProcesses waiting;
    private final Clock clock;

    ParcelAddressPages(EntityManager entityManager, ParcelAddressAnswerRepository answers,
            SalesOrderRepository orders, WaitingProcesses waiting, Clock clock) {
        this.entityManager = entityManager;
        this.answers = answers;
        this.orders = orders;
        this.waiting = waiting;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Answer show(long watchId) {
        ParcelWatch watch = entityManager.find(ParcelWatch.class, watchId);
        Outcome refused = refusal(watch);
        return new Answer(refused == null ? Outcome.FORM : refused, model(watch));
    }

    /** {@code answer}: CONFIRMED or CHANGED; {@code address}: the corrected address (CHANGED only). */
    @Transactional
    public Answer answer(long watchId, String answer, String address) {
        ParcelWatch watch = entityManager.find(ParcelWatch.class, watchId, LockModeType.PESSIMISTIC_WRITE);
        Outcome refused = refusal(watch);
        if (refused == null) {
            refused = invalid(answer, address);
        }
        if (refused != null) {
            return new Answer(refused, model(watch));
        }
        ParcelAddressAnswer.Answer given = ParcelAddressAnswer.Answer.valueOf(answer);
        answers.saveAndFlush(new ParcelAddressAnswer(watchId, given, address == null ? null : address.strip(),
                clock.instant()));
        waiting.correlateIfWaiting(watch.getProcessInstanceId(), MESSAGE_ADDRESS_ANSWERED,
                Map.of(VAR_ADDRESS_ANSWER, given.name()));
        return new Answer(Outcome.ANSWERED_NOW, model(watch));
    }

    private Outcome refusal(ParcelWatch watch) {
        if (watch == null || !ADDRESS_PATH.equals(watch.getHandlingPath())) {
            return Outcome.UNKNOWN;
        }
        if (answers.findByWatchId(watch.getId()).isPresent()) {
            return Outcome.ALREADY_ANSWERED;
        }
        return watch.isOpen() ? null : Outcome.CLOSED;
    }

    private static Outcome invalid(String answer, String address) {
        if (!"CONFIRMED".equals(answer) && !"CHANGED".equals(answer)) {
            return Outcome.ANSWER_MISSING;
        }
        if ("CHANGED".equals(answer) && (address == null || address.isBlank() || address.strip().length() > MAX_ADDRESS)) {
            return Outcome.ADDRESS_MISSING;
        }
        return null;
    }

    /** The page shows the order and the parcel, never the address we have (the page may be opened by anyone). */
    private Map<String, Object> model(ParcelWatch watch) {
        Map<String, Object> model = new HashMap<>();
        if (watch == null) {
            return model;
        }
        Optional<SalesOrder> order = orders.findById(watch.getOrderId());
        model.put("watchId", watch.getId());
        model.put("trackingNumber", watch.getTrackingNumber());
        order.ifPresent(o -> {
            model.put("orderId", o.getPlatformOrderId());
            model.put("storeName", o.getStore().getName());
            model.put("buyerLanguage", ParcelWatches.language(o));
        });
        return model;
    }
}
