package com.helloword.aftersales.notification;

import java.util.Optional;

/**
 * How a mail about a case learns the case's business key (for its subject and links), implemented by case
 * work, so the outbox knows no capability.
 */
public interface CaseKeyResolver {

    Optional<String> caseKey(long caseId);
}
