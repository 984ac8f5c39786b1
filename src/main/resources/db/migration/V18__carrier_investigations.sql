-- Delivered but not received (incident capability): the carrier's proof-of-delivery link on the delivery scan
-- (DHL's details.proofOfDelivery.signatureUrl or documentUrl), the carrier investigations opened for a case, and
-- carrier route health: the switches of a route (carrier x destination country) to its backup carrier.
ALTER TABLE tracking_events ADD proof_url VARCHAR(500);

-- one open investigation per case: open_case_id is the case's id while the carrier has not answered, null after
CREATE TABLE carrier_investigations (
    id                  BIGINT          NOT NULL,
    investigation_key   VARCHAR(64)     NOT NULL,
    case_id             BIGINT          NOT NULL,
    open_case_id        BIGINT,
    case_key            VARCHAR(64)     NOT NULL,
    order_id            BIGINT          NOT NULL,
    carrier             VARCHAR(64),
    tracking_number     VARCHAR(100)    NOT NULL,
    status              VARCHAR(16)     NOT NULL,
    carrier_reference   VARCHAR(100),
    outcome             VARCHAR(32),
    answer              VARCHAR(4000),
    requested_by        VARCHAR(64),
    requested_at        ${timestamp}    NOT NULL,
    opened_at           ${timestamp},
    answered_at         ${timestamp},
    CONSTRAINT pk_carrier_investigations PRIMARY KEY (id),
    CONSTRAINT uk_carrier_investigations_key UNIQUE (investigation_key),
    CONSTRAINT uk_carrier_investigations_open UNIQUE (open_case_id)
);
CREATE INDEX ix_carrier_investigations_case ON carrier_investigations (case_id);

-- one open switch task per route: open_route is the route ("DHL:FR") while logistics has not switched, null after
CREATE TABLE carrier_route_switches (
    id                  BIGINT          NOT NULL,
    route               VARCHAR(100)    NOT NULL,
    open_route          VARCHAR(100),
    carrier             VARCHAR(64)     NOT NULL,
    destination_country VARCHAR(8)      NOT NULL,
    shipments           INT             NOT NULL,
    complaints          INT             NOT NULL,
    complaint_rate      DECIMAL(7, 3)   NOT NULL,
    from_carrier        VARCHAR(64)     NOT NULL,
    to_carrier          VARCHAR(64),
    note                VARCHAR(4000),
    process_instance_id VARCHAR(64),
    raised_at           ${timestamp}    NOT NULL,
    switched_at         ${timestamp},
    switched_by         VARCHAR(64),
    CONSTRAINT pk_carrier_route_switches PRIMARY KEY (id),
    CONSTRAINT uk_carrier_route_switches_open UNIQUE (open_route)
);
CREATE INDEX ix_carrier_route_switches_route ON carrier_route_switches (route, raised_at);
