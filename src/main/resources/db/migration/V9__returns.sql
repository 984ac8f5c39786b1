-- Returns (RMA): one record per return with what the policy decided, the label, the receipt, the
-- inspection and the outcome; and its timeline, which a buyer could be shown.
CREATE TABLE return_requests (
    id                  BIGINT         NOT NULL,
    return_key          VARCHAR(64)    NOT NULL,
    case_id             BIGINT,
    order_id            BIGINT         NOT NULL,
    buyer_id            BIGINT         NOT NULL,
    sku                 VARCHAR(100),
    source              VARCHAR(16)    NOT NULL,
    reason              VARCHAR(32)    NOT NULL,
    wanted              VARCHAR(16)    NOT NULL,
    exchange_wish       VARCHAR(200),
    exchange_sku        VARCHAR(100),
    status              VARCHAR(24)    NOT NULL,
    eligible            BOOLEAN,
    window_days         INT,
    last_day            DATE,
    postage_paid_by     VARCHAR(8),
    free_pickup         BOOLEAN,
    free_exchange       BOOLEAN,
    needs_approval      BOOLEAN,
    refusal_reason      VARCHAR(32),
    policy_decision     VARCHAR(200),
    carrier             VARCHAR(32),
    label_tracking      VARCHAR(64),
    label_created_at    ${timestamp},
    label_pdf           ${blob},
    received_at         ${timestamp},
    inspected_at        ${timestamp},
    condition_grade     VARCHAR(8),
    matches_complaint   BOOLEAN,
    outcome             VARCHAR(16),
    refund_amount       DECIMAL(19, 4),
    refund_currency     VARCHAR(3),
    platform_ref        VARCHAR(128),
    process_instance_id VARCHAR(64),
    requested_at        ${timestamp}   NOT NULL,
    closed_at           ${timestamp},
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_return_requests PRIMARY KEY (id),
    CONSTRAINT uk_return_requests_key UNIQUE (return_key),
    CONSTRAINT fk_return_requests_case FOREIGN KEY (case_id) REFERENCES after_sales_cases (id),
    CONSTRAINT fk_return_requests_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_return_requests_buyer FOREIGN KEY (buyer_id) REFERENCES buyers (id)
);
CREATE INDEX ix_return_requests_order ON return_requests (order_id);
CREATE INDEX ix_return_requests_buyer ON return_requests (buyer_id);
CREATE INDEX ix_return_requests_case ON return_requests (case_id);

CREATE TABLE return_events (
    id          BIGINT        NOT NULL,
    return_id   BIGINT        NOT NULL,
    occurred_at ${timestamp}  NOT NULL,
    code        VARCHAR(32)   NOT NULL,
    detail      VARCHAR(500),
    CONSTRAINT pk_return_events PRIMARY KEY (id),
    CONSTRAINT fk_return_events_return FOREIGN KEY (return_id) REFERENCES return_requests (id)
);
CREATE INDEX ix_return_events_return ON return_events (return_id);
