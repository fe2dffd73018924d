package io.realtime.infra.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what Flyway left in a service's test database, straight from PostgreSQL. */
public final class SchemaInspector {

    private SchemaInspector() {
    }

    /** Versions of the successfully applied migrations, in the order they ran. */
    public static List<String> appliedMigrations(String database) {
        return strings(database, "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank");
    }

    public static List<String> tables(String database) {
        return strings(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "ORDER BY table_name");
    }

    private static List<String> strings(String database, String sql) {
        try (Connection connection = EmbeddedInfra.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
