-- The managers' metrics (monitoring/, docs/metrics.md): when a case's answer task was first taken, when we first
-- replied and when it was escalated to the team leads (each the first time; null: not yet), and indexes for the
-- figures' queries (open cases by status, time windows on opening, closing, shipping, ordering and returning).
ALTER TABLE after_sales_cases ADD COLUMN first_claimed_at ${timestamp};
ALTER TABLE after_sales_cases ADD COLUMN first_replied_at ${timestamp};
ALTER TABLE after_sales_cases ADD COLUMN escalated_at ${timestamp};

-- cases from before: the first outbound message is the first reply; an escalated case was escalated by its last change
UPDATE after_sales_cases SET first_replied_at = (SELECT MIN(m.occurred_at) FROM case_messages m
    WHERE m.case_id = after_sales_cases.id AND m.direction = 'OUTBOUND');
UPDATE after_sales_cases SET escalated_at = updated_at WHERE status = 'ESCALATED';

CREATE INDEX ix_cases_status_due ON after_sales_cases (status, resolution_due_at);
CREATE INDEX ix_cases_opened ON after_sales_cases (opened_at);
CREATE INDEX ix_cases_closed ON after_sales_cases (closed_at);
CREATE INDEX ix_orders_shipped ON orders (shipped_at);
CREATE INDEX ix_orders_store_ordered ON orders (store_id, ordered_at);
CREATE INDEX ix_return_requests_requested ON return_requests (requested_at, sku);
