package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * Parcel watches over HTTP for logistics (and managers, team leads): the open watches, and the address a buyer
 * corrected on the address page, which the "Pass the address on" task links to instead of carrying it in a
 * variable (kept only until the task is done).
 */
@RestController
class ParcelWatchController {

    record WatchView(long id, String businessKey, long orderId, String kind, String trackingNumber, String carrier,
            String statusWord, String subStatus, Instant silenceStartedAt, Integer quietDays, String offeredOptions,
            String exceptionKind, String path, String decidedBy, Long caseId, String state, String outcome,
            Instant openedAt, Instant closedAt) {

        static WatchView of(ParcelWatch w) {
            return new WatchView(w.getId(), w.businessKey(), w.getOrderId(), w.getKind().name(), w.getTrackingNumber(),
                    w.getCarrier(), w.getStatusWord(), w.getSubStatus(), w.getSilenceStartedAt(), w.getQuietDays(),
                    w.getOfferedOptions(), w.getExceptionKind(), w.getHandlingPath(), w.getDecidedBy(), w.getCaseId(),
                    w.getWatchState().name(), w.getOutcome(), w.getOpenedAt(), w.getClosedAt());
        }
    }

    private final ParcelWatches watches;
    private final ParcelAddressAnswerRepository answers;
    private final ApiAccess access;

    ParcelWatchController(ParcelWatches watches, ParcelAddressAnswerRepository answers, ApiAccess access) {
        this.watches = watches;
        this.answers = answers;
        this.access = access;
    }

    /** The open watches (all=true: the latest 200, closed ones too). */
    @GetMapping("/api/parcel-watches")
    List<WatchView> list(@RequestParam(name = "all", defaultValue = "false") boolean all) {
        access.requireAnyGroup(Groups.LOGISTICS, Groups.MANAGERS, Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);
        return watches.list(!all).stream().map(WatchView::of).toList();
    }

    /** The buyer's answer on the address page: CONFIRMED, or CHANGED with the address until logistics passed it on. */
    @GetMapping("/api/parcel-watches/{watchId}/address")
    @Transactional(readOnly = true)
    Map<String, Object> address(@PathVariable long watchId) {
        access.requireAnyGroup(Groups.LOGISTICS, Groups.CAMUNDA_ADMIN);
        ParcelAddressAnswer answer = answers.findByWatchId(watchId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "The buyer has not answered the address question of watch " + watchId));
        return Map.of("watchId", watchId, "answer", answer.getAnswerKind().name(), "answeredAt",
                answer.getAnsweredAt().toString(), "address", answer.getCorrectedAddress() == null ? ""
                        : answer.getCorrectedAddress(), "cleared", answer.getClearedAt() != null);
    }
}
