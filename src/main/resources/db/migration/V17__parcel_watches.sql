-- Stuck parcels and carrier exceptions (incident capability, stuckParcelProcess; docs/parcel-watch.md).
-- parcel_registrations: one row per shipped order whose tracking number is (to be) registered with the tracking
-- service; REGISTERED rows are polled when their push went quiet (poll_claimed_until: the node that claimed the
-- poll, by a conditional UPDATE, so several nodes never poll one parcel at once); REJECTED rows are tried again
-- at next_attempt_at. quiet_check_silence / quiet_check_due: the silence the quiet check last asked parcelQuietLimit
-- about and when to ask again (its quiet days run out, or aftersales.incidents.parcels.quiet-recheck), so a parcel
-- in transit is not asked every sweep.
CREATE TABLE parcel_registrations (
    id                  BIGINT          NOT NULL,
    order_id            BIGINT          NOT NULL,
    tracking_number     VARCHAR(100)    NOT NULL,
    carrier             VARCHAR(64),
    status              VARCHAR(16)     NOT NULL,
    reason              VARCHAR(500),
    attempts            INT             NOT NULL,
    next_attempt_at     ${timestamp},
    registered_at       ${timestamp},
    last_polled_at      ${timestamp},
    poll_claimed_until  ${timestamp},
    quiet_check_silence ${timestamp},
    quiet_check_due     ${timestamp},
    created_at          ${timestamp}    NOT NULL,
    CONSTRAINT pk_parcel_registrations PRIMARY KEY (id),
    CONSTRAINT uk_parcel_registrations_order UNIQUE (order_id)
);
CREATE INDEX ix_parcel_registrations_status ON parcel_registrations (status, next_attempt_at);

-- parcel_watches: one row per silence or carrier exception of an order's parcel. The unique (order, kind,
-- silence_started_at) is what keeps a buyer from being mailed twice for the same silence (silence_started_at: the
-- last scan before it, or the shipping time; for an exception, the exception scan's time). open_order_id: the
-- order's id while the watch is open, null after, so an order has one open watch of each kind.
CREATE TABLE parcel_watches (
    id                  BIGINT          NOT NULL,
    order_id            BIGINT          NOT NULL,
    open_order_id       BIGINT,
    kind                VARCHAR(24)     NOT NULL,
    tracking_number     VARCHAR(100)    NOT NULL,
    carrier             VARCHAR(64),
    status_word         VARCHAR(24),
    sub_status          VARCHAR(64),
    silence_started_at  ${timestamp}    NOT NULL,
    quiet_days          INT,
    offered_options     VARCHAR(200),
    exception_kind      VARCHAR(32),
    handling_path       VARCHAR(32),
    decided_by          VARCHAR(300),
    case_id             BIGINT,
    process_instance_id VARCHAR(64),
    watch_state         VARCHAR(16)     NOT NULL,
    outcome             VARCHAR(32),
    opened_at           ${timestamp}    NOT NULL,
    closed_at           ${timestamp},
    CONSTRAINT pk_parcel_watches PRIMARY KEY (id),
    CONSTRAINT uk_parcel_watches_silence UNIQUE (order_id, kind, silence_started_at),
    CONSTRAINT uk_parcel_watches_open UNIQUE (open_order_id, kind)
);
CREATE INDEX ix_parcel_watches_state ON parcel_watches (watch_state, opened_at);
-- every scan asks for the open watches of its tracking number
CREATE INDEX ix_parcel_watches_tracking ON parcel_watches (tracking_number, watch_state);

-- parcel_address_answers: the buyer's answer on the address page of an ADDRESS_PROBLEM watch, once per watch.
-- corrected_address holds what the buyer typed only until logistics has passed it on (cleared then); neither the
-- process nor the case file ever holds it.
CREATE TABLE parcel_address_answers (
    id                  BIGINT          NOT NULL,
    watch_id            BIGINT          NOT NULL,
    answer_kind         VARCHAR(16)     NOT NULL,
    corrected_address   VARCHAR(1000),
    answered_at         ${timestamp}    NOT NULL,
    cleared_at          ${timestamp},
    CONSTRAINT pk_parcel_address_answers PRIMARY KEY (id),
    CONSTRAINT uk_parcel_address_answers_watch UNIQUE (watch_id)
);
