package com.helloword.aftersales.recall;

/** Units of a recall were scanned (received, inspected, disposed): the completion rate may have moved. */
public record RecallUnitsChanged(Long recallId) {
}
