package com.helloword.aftersales.casefile;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * The case-file schema as vendor-neutral text, read through JDBC metadata: every table but
 * Camunda's and Flyway's, its columns (type family, size, nullability), primary key, unique
 * constraints, named indexes and foreign keys. Two databases with the same text have the same schema.
 */
final class SchemaSnapshot {

    private SchemaSnapshot() {
    }

    static String of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
                    ? connection.getSchema() : null;
            List<String> lines = new ArrayList<>();
            for (String table : tables(meta, catalog, schema)) {
                lines.addAll(describe(meta, catalog, schema, table));
            }
            return String.join("\n", lines) + "\n";
        }
    }

    private static Set<String> tables(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("act_") && !lower.equals("aftersales_schema_history")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static List<String> describe(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        String t = table.toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        lines.add("table " + t);
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                lines.add("  column " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                        + type(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                                rs.getInt("DECIMAL_DIGITS"))
                        + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : " null"));
            }
        }
        Map<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        lines.add("  primary key " + pk.values());
        Map<String, Map<Integer, String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                name = name.toLowerCase(Locale.ROOT);
                indexes.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Set<String> indexLines = new TreeSet<>();
        for (Map.Entry<String, Map<Integer, String>> index : indexes.entrySet()) {
            List<String> columns = new ArrayList<>(index.getValue().values());
            if (columns.equals(new ArrayList<>(pk.values()))) {
                continue; // the primary key's own index
            }
            if (unique.get(index.getKey())) {
                indexLines.add("  unique " + columns); // constraint names differ by vendor, columns do not
            } else if (index.getKey().startsWith("ix_")) {
                indexLines.add("  index " + index.getKey() + " " + columns);
            } // else: an index the database made for a foreign key by itself
        }
        lines.addAll(indexLines);
        Set<String> foreignKeys = new TreeSet<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                foreignKeys.add("  foreign key " + rs.getString("FK_NAME").toLowerCase(Locale.ROOT) + " "
                        + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                        + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        lines.addAll(foreignKeys);
        return lines;
    }

    private static String type(int jdbcType, String typeName, int size, int digits) {
        return switch (jdbcType) {
            case Types.VARCHAR, Types.NVARCHAR, Types.CHAR -> "varchar(" + size + ")";
            case Types.BIGINT -> "bigint";
            case Types.INTEGER -> "int";
            case Types.DECIMAL, Types.NUMERIC -> "decimal(" + size + "," + digits + ")";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.TIMESTAMP -> "timestamp(" + digits + ")";
            case Types.DATE -> "date";
            case Types.BLOB, Types.LONGVARBINARY, Types.VARBINARY -> "blob";
            case Types.CLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.NCLOB -> "text";
            default -> "unmapped " + typeName + "(" + size + "," + digits + ")";
        };
    }
}
