-- Product recalls (productRecallProcess): the recall and its risk report, one plan per destination market,
-- one filing per authority, one delisting per store, one notice per affected buyer (which carries the
-- buyer's remedy choice, return label and remedy), one row per affected unit (received, inspected,
-- disposed), and the recall's timeline for the regulator's report. Buyers' names, addresses and e-mail
-- stay in the case file: these tables hold ids.
CREATE TABLE recalls (
    id                  BIGINT         NOT NULL,
    recall_key          VARCHAR(64)    NOT NULL,
    sku                 VARCHAR(100)   NOT NULL,
    batches             VARCHAR(1000)  NOT NULL,
    countries           VARCHAR(500)   NOT NULL,
    store_ids           VARCHAR(1000),
    reason              VARCHAR(2000)  NOT NULL,
    source              VARCHAR(24)    NOT NULL,
    source_ref          VARCHAR(100),
    state               VARCHAR(24)    NOT NULL,
    stage               INT            NOT NULL,
    decision            VARCHAR(16),
    decision_comment    VARCHAR(2000),
    decided_by          VARCHAR(64),
    decided_at          ${timestamp},
    monitor_rounds      INT            NOT NULL,
    risk_report         ${text},
    risk_report_at      ${timestamp},
    completion_target   DECIMAL(5, 4),
    notices_total       INT            NOT NULL,
    chunks_total        INT            NOT NULL,
    chunks_done         INT            NOT NULL,
    root_cause          VARCHAR(4000),
    corrective_action   VARCHAR(4000),
    process_instance_id VARCHAR(64),
    created_by          VARCHAR(64)    NOT NULL,
    created_at          ${timestamp}   NOT NULL,
    notified_at         ${timestamp},
    closed_at           ${timestamp},
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recalls PRIMARY KEY (id),
    CONSTRAINT uk_recalls_key UNIQUE (recall_key)
);
CREATE INDEX ix_recalls_sku ON recalls (sku, state);

CREATE TABLE recall_market_plans (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    country             VARCHAR(2)     NOT NULL,
    authority           VARCHAR(32)    NOT NULL,
    authority_name      VARCHAR(200)   NOT NULL,
    legal_basis         VARCHAR(300),
    filing_deadline     VARCHAR(32)    NOT NULL,
    remedies            VARCHAR(200)   NOT NULL,
    notice_template     VARCHAR(64)    NOT NULL,
    recall_level        VARCHAR(16)    NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    approved_by         VARCHAR(64),
    approved_at         ${timestamp},
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recall_market_plans PRIMARY KEY (id),
    CONSTRAINT uk_recall_market_plans UNIQUE (recall_id, country),
    CONSTRAINT fk_recall_market_plans_recall FOREIGN KEY (recall_id) REFERENCES recalls (id)
);

CREATE TABLE recall_filings (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    authority           VARCHAR(32)    NOT NULL,
    authority_name      VARCHAR(200)   NOT NULL,
    countries           VARCHAR(500)   NOT NULL,
    due_at              ${timestamp}   NOT NULL,
    content             ${text},
    status              VARCHAR(16)    NOT NULL,
    warned_at           ${timestamp},
    missed_at           ${timestamp},
    filed_at            ${timestamp},
    filed_by            VARCHAR(64),
    reference           VARCHAR(200),
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recall_filings PRIMARY KEY (id),
    CONSTRAINT uk_recall_filings UNIQUE (recall_id, authority),
    CONSTRAINT fk_recall_filings_recall FOREIGN KEY (recall_id) REFERENCES recalls (id)
);

CREATE TABLE recall_delistings (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    store_id            VARCHAR(64)    NOT NULL,
    platform            VARCHAR(16)    NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    attempts            INT            NOT NULL,
    last_error          VARCHAR(1000),
    actions             VARCHAR(1000),
    delisted_at         ${timestamp},
    relisted_at         ${timestamp},
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recall_delistings PRIMARY KEY (id),
    CONSTRAINT uk_recall_delistings UNIQUE (recall_id, store_id),
    CONSTRAINT fk_recall_delistings_recall FOREIGN KEY (recall_id) REFERENCES recalls (id)
);

CREATE TABLE recall_notices (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    buyer_id            BIGINT         NOT NULL,
    country             VARCHAR(2)     NOT NULL,
    language            VARCHAR(8),
    chunk_no            INT            NOT NULL,
    order_count         INT            NOT NULL,
    unit_count          INT            NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    queued_at           ${timestamp},
    reminders_sent      INT            NOT NULL,
    last_reminder_at    ${timestamp},
    opened_at           ${timestamp},
    remedy              VARCHAR(16),
    remedy_chosen_at    ${timestamp},
    label_carrier       VARCHAR(32),
    label_tracking      VARCHAR(64),
    label_created_at    ${timestamp},
    label_pdf           ${blob},
    label_cost          DECIMAL(19, 4),
    remedy_done_at      ${timestamp},
    remedy_ref          VARCHAR(128),
    remedy_amount       DECIMAL(19, 4),
    remedy_currency     VARCHAR(3),
    process_instance_id VARCHAR(64),
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recall_notices PRIMARY KEY (id),
    CONSTRAINT uk_recall_notices UNIQUE (recall_id, buyer_id),
    CONSTRAINT fk_recall_notices_recall FOREIGN KEY (recall_id) REFERENCES recalls (id),
    CONSTRAINT fk_recall_notices_buyer FOREIGN KEY (buyer_id) REFERENCES buyers (id)
);
CREATE INDEX ix_recall_notices_chunk ON recall_notices (recall_id, chunk_no, status);
CREATE INDEX ix_recall_notices_status ON recall_notices (recall_id, status);

CREATE TABLE recall_units (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    notice_id           BIGINT         NOT NULL,
    unit_ref            VARCHAR(64)    NOT NULL,
    order_id            BIGINT         NOT NULL,
    line_no             INT            NOT NULL,
    store_id            VARCHAR(64)    NOT NULL,
    sku                 VARCHAR(100)   NOT NULL,
    batch_lot           VARCHAR(100),
    country             VARCHAR(2)     NOT NULL,
    unit_price          DECIMAL(19, 4) NOT NULL,
    currency            VARCHAR(3),
    status              VARCHAR(16)    NOT NULL,
    received_at         ${timestamp},
    inspected_at        ${timestamp},
    disposed_at         ${timestamp},
    scanned_by          VARCHAR(64),
    note                VARCHAR(500),
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_recall_units PRIMARY KEY (id),
    CONSTRAINT uk_recall_units UNIQUE (recall_id, unit_ref),
    CONSTRAINT fk_recall_units_recall FOREIGN KEY (recall_id) REFERENCES recalls (id),
    CONSTRAINT fk_recall_units_notice FOREIGN KEY (notice_id) REFERENCES recall_notices (id),
    CONSTRAINT fk_recall_units_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_recall_units_notice ON recall_units (notice_id);
CREATE INDEX ix_recall_units_status ON recall_units (recall_id, status);

CREATE TABLE recall_events (
    id                  BIGINT         NOT NULL,
    recall_id           BIGINT         NOT NULL,
    occurred_at         ${timestamp}   NOT NULL,
    kind                VARCHAR(32)    NOT NULL,
    actor               VARCHAR(64),
    detail              VARCHAR(2000),
    CONSTRAINT pk_recall_events PRIMARY KEY (id),
    CONSTRAINT fk_recall_events_recall FOREIGN KEY (recall_id) REFERENCES recalls (id)
);
CREATE INDEX ix_recall_events_recall ON recall_events (recall_id, occurred_at);
