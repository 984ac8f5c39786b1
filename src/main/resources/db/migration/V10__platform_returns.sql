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
-- how many units come back (null: the whole line, or the whole order without a SKU), and the amount a
-- person must refund by hand where the platform cannot
ALTER TABLE return_requests ADD COLUMN quantity INT;
ALTER TABLE return_requests ADD COLUMN refund_by_hand_amount DECIMAL(19, 4);

ALTER TABLE buyers ADD COLUMN serial_returner_since ${timestamp};
ALTER TABLE buyers ADD COLUMN serial_returner_note VARCHAR(200);
-- a team lead lifted the flag: only "changed my mind" returns after this count again
ALTER TABLE buyers ADD COLUMN serial_returner_cleared_at ${timestamp};

-- An SKU whose returns raised the product-quality alert: purchasing of it pauses until the product
-- team's improvement plan lets it resume (or a manager does). active_sku is the SKU while the hold
-- stands and null after, so one SKU has at most one standing hold.
CREATE TABLE purchasing_holds (
    id                  BIGINT         NOT NULL,
    sku                 VARCHAR(100)   NOT NULL,
    active_sku          VARCHAR(100),
    category            VARCHAR(32),
    return_rate         DECIMAL(7, 4)  NOT NULL,
    category_rate       DECIMAL(7, 4)  NOT NULL,
    returns_count       BIGINT         NOT NULL,
    shipped             BIGINT         NOT NULL,
    held_at             ${timestamp}   NOT NULL,
    plan_due_at         ${timestamp}   NOT NULL,
    cause               VARCHAR(1000),
    improvement_plan    VARCHAR(2000),
    planned_by          VARCHAR(64),
    planned_at          ${timestamp},
    released_at         ${timestamp},
    released_by         VARCHAR(64),
    release_note        VARCHAR(1000),
    process_instance_id VARCHAR(64),
    version             BIGINT         NOT NULL,
    CONSTRAINT pk_purchasing_holds PRIMARY KEY (id),
    CONSTRAINT uk_purchasing_holds_active_sku UNIQUE (active_sku)
);
CREATE INDEX ix_purchasing_holds_sku ON purchasing_holds (sku);
