-- Webhook deliveries seen (to process each event once) and normalised carrier scans per order.

CREATE TABLE webhook_events (
    id           BIGINT       NOT NULL,
    provider     VARCHAR(32)  NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    account      VARCHAR(200),
    received_at  ${timestamp} NOT NULL,
    outcome      VARCHAR(500),
    CONSTRAINT pk_webhook_events PRIMARY KEY (id),
    CONSTRAINT uk_webhook_events_provider_event UNIQUE (provider, event_id)
);

CREATE TABLE tracking_events (
    id              BIGINT        NOT NULL,
    order_id        BIGINT        NOT NULL,
    tracking_number VARCHAR(100)  NOT NULL,
    carrier         VARCHAR(64),
    status          VARCHAR(32)   NOT NULL,
    sub_status      VARCHAR(64),
    description     VARCHAR(1000),
    location        VARCHAR(300),
    signer          VARCHAR(200),
    occurred_at     ${timestamp}  NOT NULL,
    source          VARCHAR(32)   NOT NULL,
    event_key       VARCHAR(64)   NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    CONSTRAINT pk_tracking_events PRIMARY KEY (id),
    CONSTRAINT uk_tracking_events_order_key UNIQUE (order_id, event_key),
    CONSTRAINT fk_tracking_events_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

ALTER TABLE orders ADD COLUMN tracking_status VARCHAR(32);
ALTER TABLE orders ADD COLUMN last_scan_at ${timestamp};
