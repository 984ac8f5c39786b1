package com.helloword.aftersales.returns;

import java.util.List;

/**
 * The return reasons this system knows, in one place: the words the API and the buyer's page accept, the
 * returnPolicy table's returnReasonGroup groups and the mail templates label. Which reason means what
 * (window, postage) is the tables' business; a new reason needs a row there and a label in every template,
 * so the list itself is vocabulary, not a seller's setting.
 */
final class ReturnReasons {

    static final String CHANGED_MIND = "CHANGED_MIND";
    static final String RECALL = "RECALL";

    /** Every reason, in the order the buyer's page lists them. */
    static final List<String> ALL = List.of(CHANGED_MIND, "SIZE_FIT", "COLOR_MISMATCH", "DEFECTIVE", "DAMAGED",
            "WRONG_ITEM", "MISSING_PARTS", "NOT_AS_DESCRIBED", RECALL);

    /** What a buyer may choose on the self-service page: all but a recall, which the recall itself opens. */
    static final List<String> BUYER_CHOICES = ALL.stream().filter(reason -> !RECALL.equals(reason)).toList();

    private ReturnReasons() {
    }
}
