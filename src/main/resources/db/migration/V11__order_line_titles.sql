-- The product title of an order line as the store names it (the order import's optional `title`), which the
-- buyer's return page shows instead of the SKU; lines without one keep showing the SKU. The same spelling on
-- H2 and MySQL/MariaDB, so no vendor placeholder is needed.
ALTER TABLE order_lines ADD COLUMN title VARCHAR(200);
