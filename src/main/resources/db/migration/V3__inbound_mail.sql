-- Buyer mail read from the support mailbox, kept once per Message-ID until intake turns it into a case.

CREATE TABLE inbound_mail (
    id             BIGINT        NOT NULL,
    message_id     VARCHAR(255)  NOT NULL,
    mailbox        VARCHAR(200)  NOT NULL,
    from_address   VARCHAR(320)  NOT NULL,
    from_name      VARCHAR(200),
    to_address     VARCHAR(320),
    subject        VARCHAR(500),
    body           ${text},
    in_reply_to    VARCHAR(255),
    sent_at        ${timestamp},
    received_at    ${timestamp}  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    case_id        BIGINT,
    CONSTRAINT pk_inbound_mail PRIMARY KEY (id),
    CONSTRAINT uk_inbound_mail_message_id UNIQUE (message_id),
    CONSTRAINT fk_inbound_mail_case FOREIGN KEY (case_id) REFERENCES after_sales_cases (id)
);
CREATE INDEX ix_inbound_mail_status ON inbound_mail (status);
