package com.helloword.aftersales.orders;

/** What an import did. Importing the same data twice creates and updates nothing the second time. */
public record OrderImportResult(int ordersCreated, int ordersUpdated, int ordersUnchanged, int linesCreated,
        int linesUpdated, int linesUnchanged, int linesRemoved, int buyersCreated, int buyersUpdated) {
}
