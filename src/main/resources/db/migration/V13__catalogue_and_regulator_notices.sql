-- Stage 1 of the product recall, triggers other than by hand (issue 12):
-- the seller's product catalogue (what a regulator's notice is matched against: GTINs, model, keywords),
-- the regulators' notices imported (US CPSC, EU Safety Gate; one per source and reference), the safety
-- cases counted per SKU and batch with their time (the recallTrigger table looks at a window of them), and
-- one guard row per SKU that serialises automatic recall starts across nodes.
CREATE TABLE catalogue_products (
    id          BIGINT         NOT NULL,
    sku         VARCHAR(100)   NOT NULL,
    title       VARCHAR(300)   NOT NULL,
    brand       VARCHAR(200),
    model       VARCHAR(200),
    gtins       VARCHAR(1000),
    keywords    VARCHAR(2000),
    updated_at  ${timestamp}   NOT NULL,
    version     BIGINT         NOT NULL,
    CONSTRAINT pk_catalogue_products PRIMARY KEY (id),
    CONSTRAINT uk_catalogue_products_sku UNIQUE (sku)
);

CREATE TABLE regulator_notices (
    id                  BIGINT         NOT NULL,
    source              VARCHAR(24)    NOT NULL,
    reference           VARCHAR(100)   NOT NULL,
    title               VARCHAR(1000)  NOT NULL,
    hazard              VARCHAR(2000),
    remedy              VARCHAR(2000),
    url                 VARCHAR(1000),
    published_on        VARCHAR(32),
    received_at         ${timestamp}   NOT NULL,
    matched_skus        ${text},
    status              VARCHAR(24)    NOT NULL,
    process_instance_id VARCHAR(64),
    chosen_sku          VARCHAR(100),
    chosen_batches      VARCHAR(1000),
    chosen_countries    VARCHAR(500),
    chosen_reason       VARCHAR(2000),
    review_note         VARCHAR(2000),
    reviewed_by         VARCHAR(64),
    reviewed_at         ${timestamp},
    recall_id           BIGINT,
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_regulator_notices PRIMARY KEY (id),
    CONSTRAINT uk_regulator_notices_ref UNIQUE (source, reference)
);

CREATE TABLE recall_signal_cases (
    id          BIGINT         NOT NULL,
    sku         VARCHAR(100)   NOT NULL,
    batch_lot   VARCHAR(100)   NOT NULL,
    case_key    VARCHAR(64)    NOT NULL,
    counted_at  ${timestamp}   NOT NULL,
    CONSTRAINT pk_recall_signal_cases PRIMARY KEY (id),
    CONSTRAINT uk_recall_signal_cases UNIQUE (sku, batch_lot, case_key)
);
CREATE INDEX ix_recall_signal_cases_at ON recall_signal_cases (sku, batch_lot, counted_at);

CREATE TABLE recall_sku_guards (
    sku         VARCHAR(100)   NOT NULL,
    CONSTRAINT pk_recall_sku_guards PRIMARY KEY (sku)
);
