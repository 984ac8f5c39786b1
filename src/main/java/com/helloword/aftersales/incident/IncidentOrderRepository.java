package com.helloword.aftersales.incident;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentOrderRepository extends JpaRepository<IncidentOrder, Long> {

    long countByIncidentId(Long incidentId);

    List<IncidentOrder> findByIncidentIdAndChunkNoAndStatusIn(Long incidentId, int chunkNo,
            Collection<IncidentOrder.Status> statuses);

    /** The figures of an incident: rows by status, remedy and who chose. */
    @Query("select o.status, o.remedy, o.chosenBy, count(o), count(o.mailedAt), count(o.remindedAt)"
            + " from IncidentOrder o where o.incidentId = :incidentId group by o.status, o.remedy, o.chosenBy")
    List<Object[]> figures(Long incidentId);

    /** Orders still to settle: not chosen, or chosen and not carried out yet. */
    long countByIncidentIdAndStatusNot(Long incidentId, IncidentOrder.Status status);

    default long countOpen(Long incidentId) {
        return countByIncidentIdAndStatusNot(incidentId, IncidentOrder.Status.EXECUTED);
    }
}
