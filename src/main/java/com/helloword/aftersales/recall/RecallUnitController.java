package com.helloword.aftersales.recall;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * The warehouse's scans of recalled units: {@code POST /api/recalls/{id}/units/{unitRef}/scan} with
 * {@code {"status": "RECEIVED|INSPECTED|DISPOSED|REFURBISHED", "note": "..."}} (warehouse, recall managers, managers,
 * admins). 200 with the unit; 400 with the reasons for a bad body; 404 for a unit the recall does not have; 409 with
 * the reason for a scan that would not move the unit on (nothing changes).
 */
@RestController
class RecallUnitController {

    static final int MAX_NOTE = 500;

    record ScanBody(String status, String note) {
    }

    static final class RejectedScanBody extends RejectedRequest {
        RejectedScanBody(List<FieldProblem> problems) {
            super("The scan cannot be taken", problems);
        }
    }

    private final RecallUnitScans scans;
    private final ApiAccess access;

    RecallUnitController(RecallUnitScans scans, ApiAccess access) {
        this.scans = scans;
        this.access = access;
    }

    @PostMapping("/api/recalls/{id}/units/{unitRef}/scan")
    RecallUnitScans.UnitView scan(@PathVariable long id, @PathVariable String unitRef,
            @RequestBody(required = false) ScanBody body) {
        access.requireAnyGroup(Groups.WAREHOUSE, Groups.RECALL_MANAGERS, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
        List<String> allowed = Arrays.stream(RecallUnitStatus.values()).filter(s -> s != RecallUnitStatus.AFFECTED)
                .map(Enum::name).toList();
        String status = body == null ? null : body.status();
        if (status == null || status.isBlank()) {
            throw new RejectedScanBody(List.of(FieldProblem.of("status", "is required: one of "
                    + String.join(", ", allowed))));
        }
        if (!allowed.contains(status)) {
            throw new RejectedScanBody(List.of(FieldProblem.of("status", "'" + status + "' is not one of "
                    + String.join(", ", allowed))));
        }
        if (body.note() != null && body.note().length() > MAX_NOTE) {
            throw new RejectedScanBody(List.of(FieldProblem.of("note", "is " + body.note().length()
                    + " characters; at most " + MAX_NOTE)));
        }
        return scans.scan(id, unitRef, RecallUnitStatus.valueOf(status), body.note(), access.caller().userId());
    }
}
