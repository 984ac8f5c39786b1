package com.helloword.aftersales.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import com.helloword.aftersales.support.IntegrationTest;

/**
 * The migrations must produce one schema on every supported database. The expected schema is
 * checked in ({@code schema/case-file.schema}); the database this run is configured with (H2 by
 * default, MariaDB in CI's second pass) and a freshly migrated H2 must both match it, so the two
 * passes together prove H2 and MariaDB equal.
 */
@IntegrationTest
class SchemaMigrationTest {

    @Autowired
    DataSource configured;

    @Test
    void theConfiguredDatabaseHasTheExpectedSchema() throws Exception {
        assertThat(SchemaSnapshot.of(configured)).isEqualTo(expected());
    }

    /** CI's MariaDB pass must really run on MariaDB, not fall back to H2 unnoticed. */
    @Test
    void theTestsRunOnTheDatabaseThisRunAskedFor() throws Exception {
        String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:h2:");
        String product;
        try (var connection = configured.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            assertThat(product).containsAnyOf("MySQL", "MariaDB");
        } else {
            assertThat(product).isEqualTo("H2");
        }
    }

    @Test
    void aFreshH2MigratesToTheExpectedSchema() throws Exception {
        JdbcDataSource fresh = new JdbcDataSource();
        fresh.setURL("jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        Flyway.configure().dataSource(fresh).table("aftersales_schema_history")
                .placeholders(FlywayVendorPlaceholders.forProduct("H2")).load().migrate();

        assertThat(SchemaSnapshot.of(fresh)).isEqualTo(expected());
    }

    @Test
    void placeholdersAreChosenByTheDatabaseProduct() {
        assertThat(FlywayVendorPlaceholders.forProduct("MariaDB")).containsEntry("timestamp", "DATETIME");
        assertThat(FlywayVendorPlaceholders.forProduct("MySQL")).containsEntry("text", "LONGTEXT");
        assertThat(FlywayVendorPlaceholders.forProduct("H2")).containsEntry("timestamp", "TIMESTAMP(0)");
    }

    private static String expected() throws IOException, SQLException {
        return new ClassPathResource("schema/case-file.schema").getContentAsString(StandardCharsets.UTF_8);
    }
}
