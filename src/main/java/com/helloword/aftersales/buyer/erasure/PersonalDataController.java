package com.helloword.aftersales.buyer.erasure;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/** A buyer's right to erasure (GDPR art. 17): managers and admins only. docs/security.md. */
@RestController
@RequestMapping("/api/buyers")
class PersonalDataController {

    private final PersonalDataErasure erasure;
    private final ApiAccess access;

    PersonalDataController(PersonalDataErasure erasure, ApiAccess access) {
        this.erasure = erasure;
        this.access = access;
    }

    @DeleteMapping("/{buyerId}/personal-data")
    PersonalDataErasure.Summary erase(@PathVariable long buyerId) {
        access.requireAnyGroup(Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
        return erasure.erase(buyerId).orElseThrow(() -> new UnknownBuyer(buyerId));
    }
}
