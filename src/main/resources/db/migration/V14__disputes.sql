-- Dispute arbitration (disputeArbitrationProcess): one dispute per claim about an order (open_order_id keeps it
-- to one open dispute per order: it is the order's id while the dispute is open and null after), the platform
-- claims that joined it, the buyer's other orders it froze, and its timeline. Ids only: the buyer's name,
-- address and e-mail stay in the case file.
CREATE TABLE disputes (
    id                  BIGINT         NOT NULL,
    dispute_key         VARCHAR(64)    NOT NULL,
    state               VARCHAR(24)    NOT NULL,
    store_id            VARCHAR(64)    NOT NULL,
    platform_order_id   VARCHAR(100)   NOT NULL,
    order_id            BIGINT         NOT NULL,
    open_order_id       BIGINT,
    buyer_id            BIGINT         NOT NULL,
    case_id             BIGINT,
    claim_type          VARCHAR(24)    NOT NULL,
    source              VARCHAR(24)    NOT NULL,
    reason              VARCHAR(2000),
    region              VARCHAR(16),
    candidate_group     VARCHAR(64),
    respond_by          ${timestamp},
    respond_by_source   VARCHAR(16),
    deadline_missed_at  ${timestamp},
    decision            VARCHAR(24),
    percent_of_order    INT,
    decision_amount     DECIMAL(12, 2),
    currency            VARCHAR(3),
    decision_comment    VARCHAR(2000),
    decided_by          VARCHAR(64),
    decided_at          ${timestamp},
    approved_by         VARCHAR(64),
    approved_at         ${timestamp},
    outcome             VARCHAR(1000),
    process_instance_id VARCHAR(64),
    opened_by           VARCHAR(64)    NOT NULL,
    opened_at           ${timestamp}   NOT NULL,
    closed_at           ${timestamp},
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_disputes PRIMARY KEY (id),
    CONSTRAINT uk_disputes_key UNIQUE (dispute_key),
    CONSTRAINT uk_disputes_open_order UNIQUE (open_order_id)
);
CREATE INDEX ix_disputes_buyer ON disputes (buyer_id, opened_at);
CREATE INDEX ix_disputes_store ON disputes (store_id, opened_at);

CREATE TABLE dispute_claims (
    id              BIGINT         NOT NULL,
    dispute_id      BIGINT         NOT NULL,
    source          VARCHAR(24)    NOT NULL,
    claim_id        VARCHAR(255)   NOT NULL,
    claim_type      VARCHAR(24)    NOT NULL,
    status          VARCHAR(64),
    closed          BOOLEAN        NOT NULL,
    respond_by      ${timestamp},
    amount          DECIMAL(12, 2),
    currency        VARCHAR(3),
    platform_reason VARCHAR(100),
    updated_at      ${timestamp}   NOT NULL,
    CONSTRAINT pk_dispute_claims PRIMARY KEY (id),
    CONSTRAINT uk_dispute_claims_claim UNIQUE (source, claim_id)
);
CREATE INDEX ix_dispute_claims_dispute ON dispute_claims (dispute_id);

CREATE TABLE dispute_freezes (
    id                BIGINT         NOT NULL,
    dispute_id        BIGINT         NOT NULL,
    order_id          BIGINT         NOT NULL,
    store_id          VARCHAR(64)    NOT NULL,
    platform_order_id VARCHAR(100)   NOT NULL,
    method            VARCHAR(16)    NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    task_id           VARCHAR(64),
    detail            VARCHAR(1000),
    held_at           ${timestamp}   NOT NULL,
    released_at       ${timestamp},
    CONSTRAINT pk_dispute_freezes PRIMARY KEY (id),
    CONSTRAINT uk_dispute_freezes_order UNIQUE (dispute_id, order_id)
);
CREATE INDEX ix_dispute_freezes_order ON dispute_freezes (order_id, state);

CREATE TABLE dispute_events (
    id          BIGINT         NOT NULL,
    dispute_id  BIGINT         NOT NULL,
    occurred_at ${timestamp}   NOT NULL,
    kind        VARCHAR(32)    NOT NULL,
    actor       VARCHAR(64),
    detail      VARCHAR(2000),
    CONSTRAINT pk_dispute_events PRIMARY KEY (id)
);
CREATE INDEX ix_dispute_events_dispute ON dispute_events (dispute_id, occurred_at);

ALTER TABLE orders ADD COLUMN payment_reference VARCHAR(100);
CREATE INDEX ix_orders_payment_reference ON orders (payment_reference);
