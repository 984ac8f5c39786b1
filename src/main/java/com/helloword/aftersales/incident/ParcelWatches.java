package com.helloword.aftersales.incident;

import static com.helloword.aftersales.incident.StuckParcelProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.carrier.ParcelScanned;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.ParcelCases;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.workflow.LatestDecisions;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * The parcel watch: a registered parcel quiet for longer than the parcelQuietLimit table allows, or a carrier
 * exception scan, opens a watch (one {@code stuckParcelProcess} each). The buyer is told in their language with
 * the live tracking link and the table's options, a case goes into the case file, and a quiet watch closes itself
 * when the parcel moves or is delivered. A watch is unique per (order, kind, silence start): the same silence never
 * mails twice, whichever node or sweep finds it.
 */
@Service
class ParcelWatches {

    static final String QUIET_TABLE = "parcelQuietLimit";
    static final String CATEGORY_QUIET = "PARCEL_QUIET";
    static final String CATEGORY_EXCEPTION = "CARRIER_EXCEPTION";
    private static final Logger LOG = LoggerFactory.getLogger(ParcelWatches.class);

    private final ParcelWatchRepository watches;
    private final ParcelAddressAnswerRepository answers;
    private final ParcelRegistrationRepository registrations;
    private final SalesOrderRepository orders;
    private final LatestDecisions decisions;
    private final RuntimeService runtime;
    private final WaitingProcesses waiting;
    private final OutboxService outbox;
    private final ParcelCases cases;
    private final BuyerLinks links;
    private final TransactionTemplate transactions;
    private final ParcelWatchSettings settings;
    private final Clock clock;

    ParcelWatches(ParcelWatchRepository watches, ParcelAddressAnswerRepository answers,
            ParcelRegistrationRepository registrations, SalesOrderRepository orders,
            LatestDecisions decisions, RuntimeService runtime, WaitingProcesses waiting, OutboxService outbox,
            ParcelCases cases, BuyerLinks links, TransactionTemplate transactions, ParcelWatchSettings settings,
            Clock clock) {
        this.watches = watches;
        this.answers = answers;
        this.registrations = registrations;
        this.orders = orders;
        this.decisions = decisions;
        this.runtime = runtime;
        this.waiting = waiting;
        this.outbox = outbox;
        this.cases = cases;
        this.links = links;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- opening ------------------------------------------------------------------------------------------------

    /**
     * The quiet check: every registered, undelivered parcel without news for {@code quiet-candidate-after} is asked
     * against parcelQuietLimit; one quiet for longer than its row allows opens a watch. Each candidate in a
     * transaction of its own: two nodes on one candidate make one watch (the unique silence), the other rolls back.
     * Returns the watches opened.
     */
    List<Long> checkQuiet() {
        Instant now = clock.instant();
        List<Long> candidates = watches.quietCandidates(now.minus(settings.quietCandidateAfter()), now,
                PageRequest.of(0, settings.quietBatch()));
        List<Long> opened = new java.util.ArrayList<>();
        for (Long orderId : candidates) {
            try {
                Long watchId = transactions.execute(status -> considerQuiet(orderId, now));
                if (watchId != null) {
                    opened.add(watchId);
                }
            } catch (DataIntegrityViolationException race) {
                LOG.info("Order {}: another node opened the watch of this silence", orderId);
            }
        }
        return opened;
    }

    private Long considerQuiet(long orderId, Instant now) {
        SalesOrder order = orders.findById(orderId).orElseThrow();
        Instant silenceStart = order.getLastScanAt() != null ? order.getLastScanAt() : order.getShippedAt();
        if (silenceStart == null || watches.existsByOrderIdAndKindAndSilenceStartedAt(orderId, ParcelWatch.Kind.QUIET,
                silenceStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            return null;
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(VAR_DESTINATION_COUNTRY, order.getDestinationCountry());
        inputs.put(VAR_CARRIER, order.getCarrier());
        inputs.put(VAR_SERVICE, null); // the order import brings no service level yet; the table's column is ready
        LatestDecisions.Evaluated limit = decisions.evaluate(QUIET_TABLE, inputs);
        int quietDays = ((Number) limit.output("quietDays")).intValue();
        Instant quietUntil = silenceStart.plus(Duration.ofDays(quietDays));
        if (!quietUntil.isBefore(now)) {
            // asked again when the table's days run out, or sooner, so that a changed table takes effect
            Instant recheck = now.plus(settings.quietRecheck());
            registrations.findByOrderId(orderId).ifPresent(r -> r.quietChecked(silenceStart,
                    quietUntil.isBefore(recheck) ? quietUntil : recheck));
            return null;
        }
        ParcelWatch watch = watches.saveAndFlush(ParcelWatch.quiet(orderId, order.getTrackingNumber(),
                order.getCarrier(), silenceStart, quietDays, limit.output("offeredOptions"), limit.definitionId(), now));
        start(watch, order, inputs);
        return watch.getId();
    }

    /**
     * News of a parcel: an open quiet watch of it closes when the news is newer than its silence (moved, or
     * delivered); an open exception watch ends when the parcel is delivered after all; an exception status (one of
     * {@code exception-statuses}) opens an exception watch on each order shipped under the number, once per scan.
     */
    @EventListener
    public void parcelScanned(ParcelScanned scan) {
        for (ParcelWatch watch : watches.findOpenByTrackingNumber(scan.trackingNumber())) {
            if (watch.getKind() == ParcelWatch.Kind.QUIET && scan.at().isAfter(watch.getSilenceStartedAt())) {
                waiting.correlateIfWaiting(watch.getProcessInstanceId(), MESSAGE_PARCEL_MOVED,
                        Map.of(VAR_WATCH_OUTCOME, scan.status() == TrackingStatus.DELIVERED ? "DELIVERED" : "MOVED"));
            } else if (watch.getKind() == ParcelWatch.Kind.EXCEPTION && scan.status() == TrackingStatus.DELIVERED) {
                waiting.correlateIfWaiting(watch.getProcessInstanceId(), MESSAGE_PARCEL_DELIVERED,
                        Map.of(VAR_WATCH_OUTCOME, "DELIVERED"));
            }
        }
        if (scan.status() == null || !settings.exceptionStatuses().contains(scan.status().name())) {
            return;
        }
        Instant at = scan.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (SalesOrder order : orders.findByTrackingNumber(scan.trackingNumber())) {
            boolean open = watches.findByOrderIdOrderByIdAsc(order.getId()).stream()
                    .anyMatch(w -> w.isOpen() && w.getKind() == ParcelWatch.Kind.EXCEPTION);
            if (open || watches.existsByOrderIdAndKindAndSilenceStartedAt(order.getId(), ParcelWatch.Kind.EXCEPTION,
                    at)) {
                continue;
            }
            ParcelWatch watch = watches.saveAndFlush(ParcelWatch.exception(order.getId(), scan.trackingNumber(),
                    scan.carrier() != null ? scan.carrier() : order.getCarrier(), scan.status().name(),
                    scan.subStatus(), at, clock.instant()));
            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_DESTINATION_COUNTRY, order.getDestinationCountry());
            variables.put(VAR_CARRIER, watch.getCarrier());
            variables.put(VAR_SERVICE, null);
            variables.put(VAR_STATUS, scan.status().name());
            variables.put(VAR_SUB_STATUS, scan.subStatus());
            start(watch, order, variables);
        }
    }

    private void start(ParcelWatch watch, SalesOrder order, Map<String, Object> inputs) {
        Map<String, Object> variables = new HashMap<>(inputs);
        variables.put(VAR_WATCH_ID, watch.getId());
        variables.put(VAR_ORDER_ID, order.getId());
        variables.put(VAR_KIND, watch.getKind().name());
        variables.put(VAR_WATCH_MAX, settings.watchMax().toString());
        variables.put(VAR_ADDRESS_WAIT, settings.addressWait().toString());
        variables.putIfAbsent(VAR_STATUS, null);
        variables.putIfAbsent(VAR_SUB_STATUS, null);
        watch.attach(runtime.startProcessInstanceByKey(PROCESS_KEY, watch.businessKey(), variables).getId());
    }

    // ---- the process's steps --------------------------------------------------------------------------------------

    /** A case for the watch in the case file (once per watch). */
    @Transactional
    public void openCase(long watchId) {
        ParcelWatch watch = watch(watchId);
        if (watch.getCaseId() != null) {
            return;
        }
        String note = watch.getKind() == ParcelWatch.Kind.QUIET
                ? "Parcel " + watch.getTrackingNumber() + " (" + watch.getCarrier() + ") has had no news since "
                        + watch.getSilenceStartedAt() + ", longer than the " + watch.getQuietDays()
                        + " days parcelQuietLimit allows (" + watch.getDecidedBy() + "). Offered: "
                        + watch.getOfferedOptions() + "."
                : "Carrier exception on parcel " + watch.getTrackingNumber() + " (" + watch.getCarrier() + "): "
                        + watch.getStatusWord() + (watch.getSubStatus() == null ? "" : " / " + watch.getSubStatus())
                        + " at " + watch.getSilenceStartedAt() + ".";
        ParcelCases.OpenedCase opened = cases.open(watch.getOrderId(),
                watch.getKind() == ParcelWatch.Kind.QUIET ? CATEGORY_QUIET : CATEGORY_EXCEPTION, watch.businessKey(),
                note);
        watch.caseOpened(opened.caseId());
    }

    /**
     * The buyer hears that the parcel is quiet: the live tracking link and the table's options (once per watch).
     * A parcel with news since the watch opened (a scan that came before the process waited for it) closes the
     * watch instead; returns whether the parcel is still quiet.
     */
    @Transactional
    public boolean tellBuyerQuiet(long watchId) {
        ParcelWatch watch = watch(watchId);
        SalesOrder order = order(watch);
        if (order.getLastScanAt() != null && order.getLastScanAt().isAfter(watch.getSilenceStartedAt())) {
            close(watchId, order.getDeliveredAt() != null ? "DELIVERED" : "MOVED");
            return false;
        }
        Map<String, Object> model = model(watch, order);
        model.put("quietDays", watch.getQuietDays());
        model.put("lastNews", watch.getSilenceStartedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        model.put("options", options(watch.getOfferedOptions()));
        outbox.queue(new MailRequest(watch.businessKey() + ":quiet", watch.getCaseId(), "parcel-quiet",
                language(order), RecipientType.BUYER, order.getBuyer().getId().toString(), model));
        return true;
    }

    /** The carrierExceptionHandling table answered ({@code row}: its outputs); recorded on the watch. */
    @Transactional
    public Map<String, Object> exceptionDecided(long watchId, Map<?, ?> row) {
        ParcelWatch watch = watch(watchId);
        String kind = text(row.get("kind"));
        String path = text(row.get("path"));
        if (kind == null || path == null || text(row.get("teamGroup")) == null) {
            throw new IllegalStateException("Decision table carrierExceptionHandling gave no kind, path or team for watch "
                    + watchId);
        }
        watch.decided(kind, path, decisions.latestDefinitionId("carrierExceptionHandling"));
        if (watch.getCaseId() != null) {
            cases.note(watch.getCaseId(), "Carrier exception: " + kind, "carrierExceptionHandling: " + kind + " → "
                    + path + ", team " + row.get("teamGroup") + ".");
        }
        Map<String, Object> result = new HashMap<>();
        result.put(VAR_EXCEPTION_KIND, kind);
        result.put(VAR_HANDLING_PATH, path);
        result.put(VAR_TEAM_GROUP, text(row.get("teamGroup")));
        result.put("buyerMail", text(row.get("buyerMail")) == null ? "" : text(row.get("buyerMail")));
        result.put(VAR_ADDRESS_ANSWER, "NO_ANSWER"); // until the buyer answers on the address page
        return result;
    }

    /**
     * The buyer hears of the exception with the mail the table named ({@code buyerMail}; none when empty); for an
     * address problem with the signed link to the address page. Once per watch.
     */
    @Transactional
    public void tellBuyerException(long watchId, String template, boolean withAddressLink) {
        if (template == null || template.isBlank()) {
            return;
        }
        ParcelWatch watch = watch(watchId);
        SalesOrder order = order(watch);
        Map<String, Object> model = model(watch, order);
        model.put("kind", watch.getExceptionKind());
        if (withAddressLink) {
            model.put("addressUrl", links.parcelAddressUrl(watchId, language(order)));
        }
        outbox.queue(new MailRequest(watch.businessKey() + ":exception", watch.getCaseId(), template,
                language(order), RecipientType.BUYER, order.getBuyer().getId().toString(), model));
    }

    /** A logistics task is done: its note goes on the case; an address the buyer typed is forgotten. */
    @Transactional
    public void logisticsDone(long watchId, String task, String who, String note) {
        ParcelWatch watch = watch(watchId);
        answers.findByWatchId(watchId).ifPresent(a -> a.clear(clock.instant()));
        if (watch.getCaseId() != null) {
            cases.note(watch.getCaseId(), task + " done", who + ": " + (note == null || note.isBlank() ? "done" : note));
        }
    }

    /** The watch is over ({@code outcome} e.g. MOVED, DELIVERED, NOT_MOVED, HANDLED): its case closes with it. */
    @Transactional
    public void close(long watchId, String outcome) {
        ParcelWatch watch = watch(watchId);
        if (!watch.close(outcome, clock.instant())) {
            return;
        }
        answers.findByWatchId(watchId).ifPresent(a -> a.clear(clock.instant()));
        if (watch.getCaseId() != null) {
            cases.note(watch.getCaseId(), "Parcel watch closed", "The parcel watch closed: " + outcome + ".");
            cases.close(watch.getCaseId(), "PARCEL_" + outcome);
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ParcelWatch> list(boolean openOnly) {
        return openOnly ? watches.findTop200ByWatchStateOrderByOpenedAtDesc(ParcelWatch.State.OPEN)
                : watches.findTop200ByOrderByOpenedAtDesc();
    }

    @Transactional(readOnly = true)
    public Optional<ParcelWatch> find(long watchId) {
        return watches.findById(watchId);
    }

    /** The buyer's language for a watch's page (the order's buyer, else the store's). */
    @Transactional(readOnly = true)
    public String languageOf(long watchId) {
        return watches.findById(watchId).map(this::order).map(ParcelWatches::language).orElse(null);
    }

    ParcelWatch watch(long watchId) {
        return watches.findById(watchId).orElseThrow(() -> new IllegalStateException("No parcel watch " + watchId));
    }

    private SalesOrder order(ParcelWatch watch) {
        return orders.findById(watch.getOrderId()).orElseThrow();
    }

    static String language(SalesOrder order) {
        return order.getBuyer().getLanguage() != null ? order.getBuyer().getLanguage()
                : order.getStore().getDefaultLanguage();
    }

    private Map<String, Object> model(ParcelWatch watch, SalesOrder order) {
        Map<String, Object> model = new HashMap<>();
        model.put("watchId", watch.getId());
        model.put("orderId", order.getPlatformOrderId());
        model.put("trackingNumber", watch.getTrackingNumber());
        model.put("trackingUrl", settings.trackingUrl(watch.getTrackingNumber()));
        model.put("carrier", watch.getCarrier() == null ? "" : watch.getCarrier());
        model.put("storeName", order.getStore().getName());
        return model;
    }

    private static List<String> options(String offered) {
        return offered == null ? List.of() : Arrays.stream(offered.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
