package com.helloword.aftersales.recall;

/** A buyer chose a remedy on their recall page; published in the transaction that recorded the choice. */
public record RecallRemedyChosen(Long recallId, Long noticeId, RecallRemedy remedy) {
}
