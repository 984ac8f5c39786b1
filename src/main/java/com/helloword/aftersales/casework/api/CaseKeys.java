package com.helloword.aftersales.casework.api;

import java.util.Optional;

/** Case work's door for a capability that keeps a case's id: the case's business key, if the case exists. */
public interface CaseKeys {

    Optional<String> businessKey(long caseId);
}
