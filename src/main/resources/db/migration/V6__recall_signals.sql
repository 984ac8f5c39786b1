-- Safety-hazard cases per SKU and batch: the signal the product-recall work starts from.
CREATE TABLE recall_signals (
    id           BIGINT        NOT NULL,
    sku          VARCHAR(100)  NOT NULL,
    batch_lot    VARCHAR(100)  NOT NULL,
    safety_cases INT           NOT NULL,
    last_case_key VARCHAR(64)  NOT NULL,
    last_case_at ${timestamp}  NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_recall_signals PRIMARY KEY (id),
    CONSTRAINT uk_recall_signals_sku_batch UNIQUE (sku, batch_lot)
);
