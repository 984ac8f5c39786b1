package com.helloword.aftersales.casework.intake;

import com.helloword.aftersales.casework.Severity;

/** What intake did with a message: which case it is in, how that case is graded, and whether it was new. */
public record IntakeResult(boolean newMessage, String businessKey, String category, String language,
        Severity severity, String team, int contactCount) {
}
