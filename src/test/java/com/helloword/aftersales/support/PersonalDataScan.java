package com.helloword.aftersales.support;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Reads every column of every table in the database, engine tables included (byte arrays as UTF-8), and says
 * where any of the given words appears: "TABLE.COLUMN: word". Case-insensitive.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    public static List<String> find(DataSource dataSource, String... words) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String quote = connection.getMetaData().getIdentifierQuoteString().strip();
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String text = text(rows.getObject(column));
                            if (text == null) {
                                continue;
                            }
                            String lower = text.toLowerCase(Locale.ROOT);
                            for (String word : words) {
                                if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                                    found.add((table + "." + meta.getColumnName(column)).toUpperCase(Locale.ROOT) + ": " + word);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }
}
