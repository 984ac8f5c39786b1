-- Batch shipment incidents (shipmentIncidentProcess): a manager declares an incident over the shipped orders a
-- selector names (carrier, destination, shipping window, stores, tracking status) and three remedies the buyers
-- may choose from; every affected order gets one row, mailed once, chosen once (by its buyer through a signed
-- link, or the incidentFollowUp table's default when the choice window closed), carried out once through the
-- marketplace. Ids only: the buyer's name and e-mail stay in the case file.
CREATE TABLE shipment_incidents (
    id                  BIGINT          NOT NULL,
    incident_key        VARCHAR(64)     NOT NULL,
    state               VARCHAR(24)     NOT NULL,
    cause               VARCHAR(40)     NOT NULL,
    message             VARCHAR(2000),
    sel_carrier         VARCHAR(64),
    sel_country         VARCHAR(2),
    sel_shipped_from    ${timestamp},
    sel_shipped_to      ${timestamp},
    sel_store_ids       VARCHAR(2000),
    sel_tracking_status VARCHAR(32),
    affected_orders     INT,
    skipped_orders      INT,
    chunks_total        INT,
    reminder_at         ${timestamp},
    choice_ends_at      ${timestamp},
    default_preference  VARCHAR(200),
    process_instance_id VARCHAR(64),
    declared_by         VARCHAR(64)     NOT NULL,
    declared_at         ${timestamp}    NOT NULL,
    closed_at           ${timestamp},
    version             BIGINT          NOT NULL,
    CONSTRAINT pk_shipment_incidents PRIMARY KEY (id),
    CONSTRAINT uk_shipment_incidents_key UNIQUE (incident_key)
);
CREATE INDEX ix_shipment_incidents_state ON shipment_incidents (state, declared_at);

CREATE TABLE shipment_incident_options (
    id          BIGINT          NOT NULL,
    incident_id BIGINT          NOT NULL,
    option_no   INT             NOT NULL,
    remedy      VARCHAR(24)     NOT NULL,
    amount      DECIMAL(12, 2),
    percent     INT,
    currency    VARCHAR(3),
    CONSTRAINT pk_shipment_incident_options PRIMARY KEY (id),
    CONSTRAINT uk_shipment_incident_options UNIQUE (incident_id, option_no)
);

CREATE TABLE shipment_incident_orders (
    id            BIGINT          NOT NULL,
    incident_id   BIGINT          NOT NULL,
    order_id      BIGINT          NOT NULL,
    buyer_id      BIGINT          NOT NULL,
    store_id      VARCHAR(64)     NOT NULL,
    language      VARCHAR(8),
    chunk_no      INT             NOT NULL,
    status        VARCHAR(16)     NOT NULL,
    mailed_at     ${timestamp},
    reminded_at   ${timestamp},
    option_no     INT,
    remedy        VARCHAR(24),
    chosen_by     VARCHAR(16),
    chosen_at     ${timestamp},
    executed_at   ${timestamp},
    platform_ref  VARCHAR(255),
    coupon_code   VARCHAR(32),
    amount        DECIMAL(12, 2),
    currency      VARCHAR(3),
    note          VARCHAR(1000),
    version       BIGINT          NOT NULL,
    CONSTRAINT pk_shipment_incident_orders PRIMARY KEY (id),
    CONSTRAINT uk_shipment_incident_orders UNIQUE (incident_id, order_id)
);
CREATE INDEX ix_shipment_incident_orders_chunk ON shipment_incident_orders (incident_id, chunk_no, status);
CREATE INDEX ix_shipment_incident_orders_order ON shipment_incident_orders (order_id);
