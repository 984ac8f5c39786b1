package com.helloword.aftersales.recall;

/**
 * A buyer chose a remedy on their recall page. Published in the transaction that recorded the choice, once per
 * notice (a second choice is refused): whoever listens (the buyer's recall return) starts from here.
 */
public record RecallRemedyChosen(Long recallId, Long noticeId, RecallRemedy remedy) {
}
