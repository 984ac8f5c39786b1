-- Store health (storeHealthProcess): a store whose dispute rate crossed the storeHealth table's threshold has its
-- listings paused through the marketplace port until a manager releases them; open_store_id (the store's id while
-- paused, null after) keeps one open pause per store.
CREATE TABLE store_listing_pauses (
    id                  BIGINT          NOT NULL,
    store_id            VARCHAR(64)     NOT NULL,
    open_store_id       VARCHAR(64),
    disputes            INT             NOT NULL,
    orders              INT             NOT NULL,
    dispute_rate        DECIMAL(7, 3)   NOT NULL,
    skus                VARCHAR(4000),
    detail              VARCHAR(4000),
    process_instance_id VARCHAR(64),
    paused_at           ${timestamp}    NOT NULL,
    released_at         ${timestamp},
    released_by         VARCHAR(64),
    CONSTRAINT pk_store_listing_pauses PRIMARY KEY (id),
    CONSTRAINT uk_store_listing_pauses_open UNIQUE (open_store_id)
);
CREATE INDEX ix_store_listing_pauses_store ON store_listing_pauses (store_id, paused_at);
