package com.helloword.aftersales.casework;

/**
 * What a case can be settled with (../shared/DOMAIN.md §2). The compensationTier table suggests
 * one; the agent may take it, change its amount or pick another, within the approval the
 * remedyApproval table asks for.
 */
public enum Remedy {
    /** An answer is enough. */
    NONE(false),
    /** A small fixed coupon (3-5 EUR) for minor flaws, with care advice. */
    COUPON(false),
    /** A percentage off the next order (15 %), e.g. after washing damage. */
    GOODWILL_DISCOUNT(false),
    /** Part of the price back, the buyer keeps the item (30 %). */
    PARTIAL_REFUND_KEEP_ITEM(true),
    /** The whole order refunded without a return (lost parcel, low value). */
    REFUND(true),
    /** The item comes back and the money goes back (returns work, issue 5). */
    RETURN_AND_REFUND(false),
    /** The item comes back and a new one goes out. */
    FREE_EXCHANGE(false),
    /** A replacement is shipped, no return. */
    RESHIP(false);

    private final boolean refundsMoney;

    Remedy(boolean refundsMoney) {
        this.refundsMoney = refundsMoney;
    }

    /** Whether executing it pays money back through the marketplace now. */
    public boolean refundsMoney() {
        return refundsMoney;
    }

    /** Whether the warehouse has to act (ship a replacement or take the item back). */
    public boolean needsWarehouse() {
        return this == RESHIP || this == FREE_EXCHANGE || this == RETURN_AND_REFUND;
    }
}
