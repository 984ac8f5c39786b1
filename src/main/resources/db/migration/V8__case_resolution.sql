-- How a case is settled: each remedy an agent chose (who chose and who approved it, what the platform
-- did), and on the case how it ended (confirmed by the buyer, closed by the agent, quiet period) and
-- the buyer's 1-5 rating.
CREATE TABLE case_remedies (
    id           BIGINT         NOT NULL,
    case_id      BIGINT         NOT NULL,
    remedy       VARCHAR(32)    NOT NULL,
    percent      INT,
    amount       DECIMAL(19, 4),
    currency     VARCHAR(3),
    coupon_code  VARCHAR(32),
    chosen_by    VARCHAR(64)    NOT NULL,
    approval     VARCHAR(32),
    approved_by  VARCHAR(64),
    status       VARCHAR(16)    NOT NULL,
    platform_ref VARCHAR(128),
    note         VARCHAR(1000),
    chosen_at    ${timestamp}   NOT NULL,
    executed_at  ${timestamp},
    version      BIGINT         NOT NULL,
    CONSTRAINT pk_case_remedies PRIMARY KEY (id),
    CONSTRAINT fk_case_remedies_case FOREIGN KEY (case_id) REFERENCES after_sales_cases (id)
);
CREATE INDEX ix_case_remedies_case ON case_remedies (case_id);

ALTER TABLE after_sales_cases ADD COLUMN resolution VARCHAR(16);
ALTER TABLE after_sales_cases ADD COLUMN rating INT;
ALTER TABLE after_sales_cases ADD COLUMN rated_at ${timestamp};

-- WAITING_FOR_BUYER (17 characters) is the first status longer than 16
ALTER TABLE after_sales_cases ${modifyColumn} status VARCHAR(24) NOT NULL;
