package com.helloword.aftersales.recall;

/** Units of a recall were scanned on (received, inspected, disposed, refurbished); published in the scan's transaction. */
public record RecallUnitsChanged(Long recallId) {
}
