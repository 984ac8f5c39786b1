package com.helloword.aftersales.casework.intake;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * {@code POST /api/intake/messages}: 201 with the case a new message went into, 200 with the same
 * answer for a message taken in before (also when copies arrive at the same moment), 4xx with the
 * reason for a message that cannot be taken in. Its body is bounded before it is parsed
 * ({@link IntakeBodyLimit}).
 */
@RestController
class IntakeController {

    private final IntakeService intake;
    private final ApiAccess access;

    IntakeController(IntakeService intake, ApiAccess access) {
        this.intake = intake;
        this.access = access;
    }

    @PostMapping(path = "/api/intake/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeResult> receive(@RequestBody IntakeMessage message) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.INTEGRATIONS);
        try {
            IntakeResult result = intake.receive(message);
            return ResponseEntity.status(result.newMessage() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sameMessageAtOnce) {
            return intake.alreadyTaken(message.channel(), message.externalMessageId())
                    .map(ResponseEntity::ok)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                            "Another message changed this buyer's records at the same time; send it again"));
        }
    }
}
