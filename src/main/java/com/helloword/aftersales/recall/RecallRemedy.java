package com.helloword.aftersales.recall;

/** What a buyer of a recalled unit may choose on their recall page, from their market plan's options. */
public enum RecallRemedy {
    /** Send the unit back (free label) and get the price back. */
    REFUND,
    /** Send the unit back and get a new one from a safe batch. */
    REPLACEMENT,
    /** Send the unit in; it is repaired (refurbished) and comes back. */
    REPAIR
}
