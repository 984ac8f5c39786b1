package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * The buyer's answer on the address page of an address-problem watch, once per watch: the address is right, or
 * this is the right one. The corrected address is kept only until logistics has passed it on to the carrier
 * ({@link #clear}); the process hears only CONFIRMED or CHANGED.
 */
@Entity
@Table(name = "parcel_address_answers")
class ParcelAddressAnswer extends CaseFileEntity {

    enum Answer {
        CONFIRMED, CHANGED
    }

    private Long watchId;
    @Enumerated(EnumType.STRING)
    private Answer answerKind;
    private String correctedAddress;
    private Instant answeredAt;
    private Instant clearedAt;

    protected ParcelAddressAnswer() {
    }

    ParcelAddressAnswer(Long watchId, Answer answer, String correctedAddress, Instant now) {
        this.watchId = watchId;
        this.answerKind = answer;
        this.correctedAddress = answer == Answer.CHANGED ? correctedAddress : null;
        this.answeredAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Logistics passed the address on (or the watch closed): the text is forgotten. */
    void clear(Instant now) {
        if (clearedAt == null) {
            correctedAddress = null;
            clearedAt = now.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    Long getWatchId() { return watchId; }
    Answer getAnswerKind() { return answerKind; }
    String getCorrectedAddress() { return correctedAddress; }
    Instant getAnsweredAt() { return answeredAt; }
    Instant getClearedAt() { return clearedAt; }
}
