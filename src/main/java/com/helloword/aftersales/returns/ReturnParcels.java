package com.helloword.aftersales.returns;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.carrier.ParcelScanned;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * The parcel on its way back: the carrier's scans on the return's timeline, and its arrival at the
 * warehouse (the warehouse's scan, or the carrier's "delivered"), which the waiting process hears of.
 */
@Service
public class ReturnParcels {

    private final ReturnRequestRepository returns;
    private final ReturnMails mails;
    private final WaitingProcesses waiting;
    private final Clock clock;

    ReturnParcels(ReturnRequestRepository returns, ReturnMails mails, WaitingProcesses waiting, Clock clock) {
        this.returns = returns;
        this.mails = mails;
        this.waiting = waiting;
        this.clock = clock;
    }

    /** The parcel is back at the warehouse (scan); tells the waiting process. Returns whether it was new. */
    @Transactional
    public boolean received(String returnKey) {
        ReturnRequest r = returns.findByReturnKey(returnKey)
                .orElseThrow(() -> new ReturnService.RejectedReturn(Map.of("returnKey", "no return " + returnKey)));
        if (r.getStatus() == ReturnRequest.Status.CLOSED) {
            // a parcel for a return closed as not returned: the team must look, the return stays closed
            r.record("SCANNED_AFTER_CLOSE", "a parcel came in after the return was closed", clock.instant());
            mails.late(r.getId(), "parcel-after-close");
            return false;
        }
        boolean first = r.getReceivedAt() == null;
        r.received(clock.instant());
        waiting.correlateIfWaiting(r.getProcessInstanceId(), ReturnProcess.MESSAGE_RETURN_RECEIVED, Map.of());
        // a parcel scanned before the process waits for it is seen when the process gets there (parcelBack)
        return first;
    }

    /**
     * The carrier reported news of a parcel: when it is a return's, the return's timeline shows it, and
     * delivered at the warehouse counts as received (as the warehouse's scan does).
     */
    @EventListener
    public void parcelScanned(ParcelScanned scan) {
        for (ReturnRequest r : returns.findByLabelTracking(scan.trackingNumber())) {
            if (r.getStatus() == ReturnRequest.Status.CLOSED) {
                continue;
            }
            r.record("TRACKING", scan.status() + (scan.description() == null ? "" : ": " + scan.description()),
                    scan.at());
            if (scan.status() == TrackingStatus.DELIVERED) {
                received(r.getReturnKey());
            }
        }
    }
}
