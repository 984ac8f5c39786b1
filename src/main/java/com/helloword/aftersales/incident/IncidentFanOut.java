package com.helloword.aftersales.incident;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's fan-out without one multi-instance over thousands of orders: the affected orders become rows in
 * one transaction; then one small process instance per chunk of rows ({@code shipmentIncidentChunkProcess}) mails
 * that chunk, reminds it, or gives it the default remedy, in its own job, so chunks run in parallel on any node and
 * no job touches the incident's instance. Rows and outbox rows are written in the same transaction under
 * idempotency keys: a chunk that runs again after a crash mails nobody twice and misses nobody.
 */
@Service
class IncidentFanOut {

    private static final int FLUSH_EVERY = 500;

    private final ShipmentIncidentRepository incidents;
    private final IncidentOrderRepository rows;
    private final IncidentOptionRepository options;
    private final AffectedShipments affected;
    private final IncidentMails mails;
    private final RuntimeService runtime;
    private final EntityManager entityManager;
    private final Clock clock;
    private final int chunkSize;

    IncidentFanOut(ShipmentIncidentRepository incidents, IncidentOrderRepository rows,
            IncidentOptionRepository options, AffectedShipments affected, IncidentMails mails, RuntimeService runtime,
            EntityManager entityManager, Clock clock,
            @Value("${aftersales.incidents.chunk-size}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("aftersales.incidents.chunk-size must be at least 1");
        }
        this.incidents = incidents;
        this.rows = rows;
        this.options = options;
        this.affected = affected;
        this.mails = mails;
        this.runtime = runtime;
        this.entityManager = entityManager;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /**
     * Makes one row per affected order (once: a second call finds them made) and returns the number of orders.
     * An order already in another incident that is not closed is left out (counted as skipped): its buyer has a
     * choice to make there, and one order gets one remedy.
     */
    @Transactional
    public int findAffectedOrders(long incidentId) {
        ShipmentIncident incident = incidents.findById(incidentId).orElseThrow();
        if (incident.getAffectedOrders() != null) {
            return incident.getAffectedOrders();
        }
        Set<Long> elsewhere = new HashSet<>(entityManager.createQuery("select o.orderId from IncidentOrder o,"
                + " ShipmentIncident i where i.id = o.incidentId and i.state <> :closed and i.id <> :id", Long.class)
                .setParameter("closed", IncidentState.CLOSED).setParameter("id", incidentId).getResultList());
        int index = 0;
        int skipped = 0;
        for (AffectedShipments.Shipment shipment : affected.of(incident.selector())) {
            if (elsewhere.contains(shipment.orderId())) {
                skipped++;
                continue;
            }
            rows.save(new IncidentOrder(incidentId, shipment.orderId(), shipment.buyerId(), shipment.storeId(),
                    shipment.language(), index / chunkSize));
            if (++index % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        ShipmentIncident fresh = incidents.findById(incidentId).orElseThrow();
        fresh.affected(index, skipped, (index + chunkSize - 1) / chunkSize);
        return index;
    }

    /** Starts one chunk instance per chunk for a round; returns how many. */
    @Transactional
    public int startChunks(long incidentId, int round) {
        ShipmentIncident incident = incidents.findById(incidentId).orElseThrow();
        if (round == ShipmentIncidentProcess.ROUND_DEFAULT) {
            incident.settling();
        }
        for (int chunk = 0; chunk < incident.chunks(); chunk++) {
            runtime.startProcessInstanceByKey(ShipmentIncidentProcess.CHUNK_PROCESS_KEY,
                    incident.getKey() + ":" + round + ":" + chunk,
                    Map.of(ShipmentIncidentProcess.VAR_INCIDENT_ID, incidentId,
                            ShipmentIncidentProcess.VAR_CHUNK_NO, chunk, ShipmentIncidentProcess.VAR_ROUND, round));
        }
        return incident.chunks();
    }

    /**
     * One chunk's round: the notices of the rows not mailed yet (round 0), the reminder of the rows mailed and not
     * chosen (1), or the default remedy for every row not chosen (2), whose remedy then runs as its own instance.
     * Returns how many rows it acted on.
     */
    @Transactional
    public int runChunk(long incidentId, int chunkNo, int round) {
        ShipmentIncident incident = incidents.findById(incidentId).orElseThrow();
        List<IncidentOption> offered = options.findByIncidentIdOrderByOptionNo(incidentId);
        switch (round) {
            case ShipmentIncidentProcess.ROUND_NOTICE -> {
                List<IncidentOrder> pending = rows.findByIncidentIdAndChunkNoAndStatusIn(incidentId, chunkNo,
                        EnumSet.of(IncidentOrder.Status.PENDING));
                mails.queueNotices(incident, offered, pending);
                pending.forEach(row -> row.mailed(clock.instant()));
                return pending.size();
            }
            case ShipmentIncidentProcess.ROUND_REMINDER -> {
                List<IncidentOrder> unanswered = rows.findByIncidentIdAndChunkNoAndStatusIn(incidentId, chunkNo,
                        EnumSet.of(IncidentOrder.Status.MAILED)).stream().filter(r -> r.getRemindedAt() == null)
                        .toList();
                mails.queueReminders(incident, offered, unanswered);
                unanswered.forEach(row -> row.reminded(clock.instant()));
                return unanswered.size();
            }
            case ShipmentIncidentProcess.ROUND_DEFAULT -> {
                IncidentOption fallback = defaultOption(incident, offered);
                List<IncidentOrder> silent = rows.findByIncidentIdAndChunkNoAndStatusIn(incidentId, chunkNo,
                        EnumSet.of(IncidentOrder.Status.PENDING, IncidentOrder.Status.MAILED));
                for (IncidentOrder row : silent) {
                    row.chose(fallback, IncidentOrder.ChosenBy.DEFAULT, clock.instant());
                    startRemedy(incident, row);
                }
                return silent.size();
            }
            default -> throw new IllegalArgumentException("No chunk round " + round);
        }
    }

    /** The remedy of a chosen row as its own instance: one job, retried on its own, visible in Cockpit. */
    void startRemedy(ShipmentIncident incident, IncidentOrder row) {
        runtime.startProcessInstanceByKey(ShipmentIncidentProcess.REMEDY_PROCESS_KEY,
                incident.getKey() + ":order:" + row.getOrderId(),
                Map.of(ShipmentIncidentProcess.VAR_INCIDENT_ID, incident.getId(),
                        ShipmentIncidentProcess.VAR_INCIDENT_KEY, incident.getKey(),
                        ShipmentIncidentProcess.VAR_INCIDENT_ORDER_ID, row.getId()));
    }

    /**
     * The default remedy: the first remedy of the incidentFollowUp table's preference that the incident offers
     * (the table's order, applied as it says); the first option when it names none of them.
     */
    static IncidentOption defaultOption(ShipmentIncident incident, List<IncidentOption> offered) {
        String preference = incident.getDefaultPreference() == null ? "" : incident.getDefaultPreference();
        for (String remedy : preference.split(",")) {
            for (IncidentOption option : offered) {
                if (option.getRemedy().name().equals(remedy.strip())) {
                    return option;
                }
            }
        }
        return offered.get(0);
    }
}
