-- What this system asked a provider to do, by idempotency key, for providers that neither take an
-- idempotency key nor echo one back (eBay refunds): shared by all nodes, kept across restarts.

CREATE TABLE provider_operations (
    id              BIGINT        NOT NULL,
    provider        VARCHAR(32)   NOT NULL,
    idempotency_key VARCHAR(250)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    before_state    VARCHAR(2000),
    result          VARCHAR(2000),
    created_at      ${timestamp}  NOT NULL,
    updated_at      ${timestamp}  NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_provider_operations PRIMARY KEY (id),
    CONSTRAINT uk_provider_operations_key UNIQUE (provider, idempotency_key)
);
