-- The case file: stores, buyers, orders, after-sales cases, their messages and the mail outbox.
-- One script for H2 and MySQL/MariaDB; ${timestamp} and ${text} are set per vendor by
-- FlywayVendorPlaceholders. Times are UTC with second precision on every database
-- (Camunda on MySQL needs sendFractionalSeconds=false, so finer precision would differ by vendor).

CREATE TABLE id_generator (
    name       VARCHAR(64) NOT NULL,
    next_value BIGINT      NOT NULL,
    CONSTRAINT pk_id_generator PRIMARY KEY (name)
);

CREATE TABLE stores (
    id                      VARCHAR(64)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    platform                VARCHAR(16)  NOT NULL,
    marketplace_country     VARCHAR(2)   NOT NULL,
    currency                VARCHAR(3)   NOT NULL,
    default_language        VARCHAR(8)   NOT NULL,
    time_zone               VARCHAR(64)  NOT NULL,
    platform_account_id     VARCHAR(128),
    platform_marketplace_id VARCHAR(64),
    api_base_url            VARCHAR(500),
    credentials_ref         VARCHAR(128),
    active                  BOOLEAN      NOT NULL,
    created_at              ${timestamp} NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT pk_stores PRIMARY KEY (id)
);

CREATE TABLE buyers (
    id         BIGINT       NOT NULL,
    email      VARCHAR(320) NOT NULL,
    name       VARCHAR(200),
    language   VARCHAR(8),
    country    VARCHAR(2),
    tier       VARCHAR(16)  NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT pk_buyers PRIMARY KEY (id),
    CONSTRAINT uk_buyers_email UNIQUE (email)
);

CREATE TABLE orders (
    id                  BIGINT       NOT NULL,
    store_id            VARCHAR(64)  NOT NULL,
    platform_order_id   VARCHAR(100) NOT NULL,
    buyer_id            BIGINT       NOT NULL,
    destination_country VARCHAR(2)   NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    ordered_at          ${timestamp} NOT NULL,
    shipped_at          ${timestamp},
    delivered_at        ${timestamp},
    carrier             VARCHAR(64),
    tracking_number     VARCHAR(100),
    frozen              BOOLEAN      NOT NULL,
    frozen_reason       VARCHAR(200),
    created_at          ${timestamp} NOT NULL,
    updated_at          ${timestamp} NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT uk_orders_store_platform_order UNIQUE (store_id, platform_order_id),
    CONSTRAINT fk_orders_store FOREIGN KEY (store_id) REFERENCES stores (id),
    CONSTRAINT fk_orders_buyer FOREIGN KEY (buyer_id) REFERENCES buyers (id)
);
CREATE INDEX ix_orders_buyer ON orders (buyer_id);
CREATE INDEX ix_orders_tracking ON orders (tracking_number);

CREATE TABLE order_lines (
    id         BIGINT        NOT NULL,
    order_id   BIGINT        NOT NULL,
    line_no    INT           NOT NULL,
    sku        VARCHAR(100)  NOT NULL,
    batch_lot  VARCHAR(100),
    quantity   INT           NOT NULL,
    unit_price DECIMAL(19, 4) NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (id),
    CONSTRAINT uk_order_lines_order_line UNIQUE (order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_order_lines_sku_batch ON order_lines (sku, batch_lot);

CREATE TABLE after_sales_cases (
    id                  BIGINT       NOT NULL,
    business_key        VARCHAR(64)  NOT NULL,
    store_id            VARCHAR(64),
    order_id            BIGINT,
    buyer_id            BIGINT,
    channel             VARCHAR(32)  NOT NULL,
    category            VARCHAR(32),
    severity            VARCHAR(8),
    status              VARCHAR(16)  NOT NULL,
    language            VARCHAR(8),
    contact_count       INT          NOT NULL,
    opened_at           ${timestamp} NOT NULL,
    claim_due_at        ${timestamp},
    first_reply_due_at  ${timestamp},
    resolution_due_at   ${timestamp},
    closed_at           ${timestamp},
    process_instance_id VARCHAR(64),
    created_at          ${timestamp} NOT NULL,
    updated_at          ${timestamp} NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_after_sales_cases PRIMARY KEY (id),
    CONSTRAINT uk_after_sales_cases_business_key UNIQUE (business_key),
    CONSTRAINT fk_cases_store FOREIGN KEY (store_id) REFERENCES stores (id),
    CONSTRAINT fk_cases_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_cases_buyer FOREIGN KEY (buyer_id) REFERENCES buyers (id)
);
CREATE INDEX ix_cases_order_status ON after_sales_cases (order_id, status);
CREATE INDEX ix_cases_buyer ON after_sales_cases (buyer_id);

CREATE TABLE case_messages (
    id                  BIGINT       NOT NULL,
    case_id             BIGINT       NOT NULL,
    direction           VARCHAR(8)   NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    external_message_id VARCHAR(255),
    subject             VARCHAR(500),
    body                ${text},
    language            VARCHAR(8),
    occurred_at         ${timestamp} NOT NULL,
    created_at          ${timestamp} NOT NULL,
    CONSTRAINT pk_case_messages PRIMARY KEY (id),
    CONSTRAINT uk_case_messages_external UNIQUE (channel, external_message_id),
    CONSTRAINT fk_case_messages_case FOREIGN KEY (case_id) REFERENCES after_sales_cases (id)
);
CREATE INDEX ix_case_messages_case ON case_messages (case_id);

CREATE TABLE outbox_messages (
    id              BIGINT        NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    case_id         BIGINT,
    template        VARCHAR(100)  NOT NULL,
    language        VARCHAR(8)    NOT NULL,
    recipient_type  VARCHAR(16)   NOT NULL,
    recipient_ref   VARCHAR(320)  NOT NULL,
    model_json      ${text},
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at ${timestamp},
    locked_until    ${timestamp},
    last_error      VARCHAR(2000),
    created_at      ${timestamp}  NOT NULL,
    sent_at         ${timestamp},
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id),
    CONSTRAINT uk_outbox_messages_idempotency UNIQUE (idempotency_key),
    CONSTRAINT fk_outbox_messages_case FOREIGN KEY (case_id) REFERENCES after_sales_cases (id)
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (status, next_attempt_at);
