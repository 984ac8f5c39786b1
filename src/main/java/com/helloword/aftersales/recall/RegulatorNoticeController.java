package com.helloword.aftersales.recall;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * {@code POST /api/recalls/regulator-notices[?source=cpsc|safety-gate]}: the CPSC recalls web service's JSON or
 * the Safety Gate export; answers 201 with what was imported, known already, matched and not.
 */
@RestController
class RegulatorNoticeController {

    private final RegulatorNoticeReader reader;
    private final RegulatorNotices notices;
    private final ApiAccess access;

    RegulatorNoticeController(RegulatorNoticeReader reader, RegulatorNotices notices, ApiAccess access) {
        this.reader = reader;
        this.notices = notices;
        this.access = access;
    }

    @PostMapping("/api/recalls/regulator-notices")
    @ResponseStatus(HttpStatus.CREATED)
    RegulatorNotices.ImportReport importNotices(@RequestParam(name = "source", required = false) String source,
            @RequestBody(required = false) String body) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.RECALL_MANAGERS);
        return notices.importNotices(reader.read(body, source));
    }
}
