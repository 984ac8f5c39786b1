package com.helloword.aftersales.incident;

/** Where a batch incident is. */
public enum IncidentState {
    /** Declared; the affected orders are being looked up. */
    DECLARED,
    /** The buyers are told and choose. */
    OPEN,
    /** The choice window closed: the buyers who did not choose get the default remedy; remedies are carried out. */
    SETTLING,
    /** Every remedy carried out (or none was affected); the summary is final. */
    CLOSED
}
