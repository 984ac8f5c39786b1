package com.helloword.aftersales.recall;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * The warehouse scans a recalled unit on ({@code POST /api/recalls/{id}/units/{unitRef}/scan}): the unit moves
 * forward only; when the last unit of its notice is back (received or further) the buyer's return process hears
 * {@code aftersales.recallUnitsReceived}; when the last one is disposed or refurbished the inspection task, if it
 * waits, is complete. Every scan publishes {@link RecallUnitsChanged} for the recall's completion target.
 */
@Service
class RecallUnitScans {

    /** A scan refused: 404 for a unit that is not the recall's, 409 for a scan that would not move it on. */
    static final class RejectedScan extends RejectedRequest {

        private final HttpStatus status;

        RejectedScan(HttpStatus status, String lead, String field, String reason) {
            super(lead, List.of(FieldProblem.of(field, reason)));
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    /** The unit after the scan. */
    record UnitView(Long recallId, Long noticeId, String unitRef, String status, java.time.Instant receivedAt,
            java.time.Instant inspectedAt, java.time.Instant disposedAt, String scannedBy, String note) {

        static UnitView of(RecallUnit unit) {
            return new UnitView(unit.getRecallId(), unit.getNoticeId(), unit.getUnitRef(), unit.getStatus().name(),
                    unit.getReceivedAt(), unit.getInspectedAt(), unit.getDisposedAt(), unit.getScannedBy(),
                    unit.getNote());
        }
    }

    private final RecallUnitRepository units;
    private final RecallNoticeRepository notices;
    private final RecallRepository recalls;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RecallUnitScans(RecallUnitRepository units, RecallNoticeRepository notices, RecallRepository recalls,
            RuntimeService runtime, TaskService tasks, ApplicationEventPublisher publisher, Clock clock) {
        this.units = units;
        this.notices = notices;
        this.recalls = recalls;
        this.runtime = runtime;
        this.tasks = tasks;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public UnitView scan(long recallId, String unitRef, RecallUnitStatus to, String note, String who) {
        Recall recall = recalls.findById(recallId).orElseThrow(() -> new RejectedScan(HttpStatus.NOT_FOUND,
                "Not found", "id", "no recall " + recallId));
        RecallUnit unit = units.findByRecallIdAndUnitRef(recallId, unitRef).orElseThrow(() -> new RejectedScan(
                HttpStatus.NOT_FOUND, "Not found", "unitRef", "recall " + recall.getRecallKey() + " has no unit "
                        + unitRef));
        boolean backBefore = unit.getNoticeId() != null && RecallReturns.allBack(units.findByNoticeIdOrderByUnitRef(
                unit.getNoticeId()));
        RecallUnitStatus was = unit.getStatus();
        if (!unit.scan(to, note, who, clock.instant())) {
            throw new RejectedScan(HttpStatus.CONFLICT, "The scan does not move the unit on", "status", "unit "
                    + unitRef + " is " + was + (was.done() ? ", which is final" : "") + "; a scan moves a unit"
                    + " forward only (AFFECTED, RECEIVED, INSPECTED, then DISPOSED or REFURBISHED), never to "
                    + to + " again or back");
        }
        units.flush();
        publisher.publishEvent(new RecallUnitsChanged(recallId));
        if (unit.getNoticeId() != null) {
            moveTheBuyersReturnOn(recall, unit.getNoticeId(), backBefore);
        }
        return UnitView.of(unit);
    }

    private void moveTheBuyersReturnOn(Recall recall, long noticeId, boolean backBefore) {
        RecallNotice notice = notices.findById(noticeId).orElse(null);
        if (notice == null || notice.getProcessInstanceId() == null) {
            return; // no remedy chosen (yet): no return process to move
        }
        List<RecallUnit> ofNotice = units.findByNoticeIdOrderByUnitRef(noticeId);
        if (!backBefore && RecallReturns.allBack(ofNotice)) {
            // none waiting (the label mail not sent yet) is fine: that step sees the units back itself
            runtime.createMessageCorrelation(RecallReturnProcess.MESSAGE_UNITS_RECEIVED)
                    .processInstanceBusinessKey(RecallReturnProcess.businessKey(recall.getRecallKey(), noticeId))
                    .correlateAll();
        }
        if (RecallReturns.allDone(ofNotice)) {
            Task inspect = tasks.createTaskQuery().processInstanceId(notice.getProcessInstanceId())
                    .taskDefinitionKey(RecallReturnProcess.USER_TASK_INSPECT).singleResult();
            if (inspect != null) {
                tasks.complete(inspect.getId(), Map.of());
            }
        }
    }
}
