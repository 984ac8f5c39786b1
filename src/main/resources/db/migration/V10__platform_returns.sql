-- Returns that buyers open on the platforms (eBay return requests, Amazon's returns report, Shopify
-- returns): each seen once per store, with what became of it (a return of this system, or why not
-- yet); how far each store's return feed has been read; on a return, the platform's return id,
-- where its label came from and the date by which the refund is due (EU: 14 days from the
-- withdrawal); and the serial-returner flag on the buyer's profile.
CREATE TABLE platform_returns (
    id                 BIGINT        NOT NULL,
    store_id           VARCHAR(64)   NOT NULL,
    platform_return_id VARCHAR(128)  NOT NULL,
    platform_order_id  VARCHAR(100)  NOT NULL,
    sku                VARCHAR(100),
    quantity           INT           NOT NULL,
    platform_reason    VARCHAR(64),
    reason             VARCHAR(32),
    wanted             VARCHAR(16),
    platform_state     VARCHAR(64),
    carrier            VARCHAR(64),
    tracking_number    VARCHAR(100),
    requested_at       ${timestamp},
    status             VARCHAR(16)   NOT NULL,
    problem            VARCHAR(500),
    return_id          BIGINT,
    attempts           INT           NOT NULL,
    first_seen_at      ${timestamp}  NOT NULL,
    last_tried_at      ${timestamp}  NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_platform_returns PRIMARY KEY (id),
    CONSTRAINT uk_platform_returns_store_return UNIQUE (store_id, platform_return_id),
    CONSTRAINT fk_platform_returns_store FOREIGN KEY (store_id) REFERENCES stores (id),
    CONSTRAINT fk_platform_returns_return FOREIGN KEY (return_id) REFERENCES return_requests (id)
);
CREATE INDEX ix_platform_returns_status ON platform_returns (status);

CREATE TABLE platform_feed_cursors (
    id           BIGINT        NOT NULL,
    store_id     VARCHAR(64)   NOT NULL,
    feed         VARCHAR(32)   NOT NULL,
    cursor_value VARCHAR(2000),
    read_at      ${timestamp}  NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_platform_feed_cursors PRIMARY KEY (id),
    CONSTRAINT uk_platform_feed_cursors_store_feed UNIQUE (store_id, feed),
    CONSTRAINT fk_platform_feed_cursors_store FOREIGN KEY (store_id) REFERENCES stores (id)
);

ALTER TABLE return_requests ADD COLUMN platform_return_id VARCHAR(128);
ALTER TABLE return_requests ADD COLUMN label_source VARCHAR(16);
ALTER TABLE return_requests ADD COLUMN refund_due_on DATE;

ALTER TABLE buyers ADD COLUMN serial_returner_since ${timestamp};
ALTER TABLE buyers ADD COLUMN serial_returner_note VARCHAR(200);
