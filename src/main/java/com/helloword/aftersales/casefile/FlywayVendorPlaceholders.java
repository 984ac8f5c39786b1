package com.helloword.aftersales.casefile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets one set of migrations serve H2 and MySQL/MariaDB: the column types whose spelling differs,
 * and the words that change a column's type ({@code ALTER TABLE t ${modifyColumn} c ...}), are placeholders, chosen from the database Flyway actually connects to (not from a
 * profile, so a MySQL URL without the mysql profile still gets MySQL types).
 */
@Component
class FlywayVendorPlaceholders implements FlywayConfigurationCustomizer {

    static Map<String, String> forProduct(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.contains("mysql") || product.contains("mariadb")) {
            return Map.of("timestamp", "DATETIME", "text", "LONGTEXT", "modifyColumn", "MODIFY COLUMN", "blob",
                    "LONGBLOB");
        }
        if (product.contains("h2")) {
            return Map.of("timestamp", "TIMESTAMP(0)", "text", "CLOB", "modifyColumn", "ALTER COLUMN", "blob", "BLOB");
        }
        throw new IllegalStateException("Unsupported database for the case file: " + databaseProductName
                + " (supported: H2, MySQL 8, MariaDB 10.11)");
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            configuration.placeholders(forProduct(connection.getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database before migrating it", e);
        }
    }
}
