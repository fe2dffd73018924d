package io.realtime.assessment.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.realtime.infra.test.EmbeddedInfra;

/** Tests and question banks written straight into the service's PostgreSQL database, and rows read back. */
public final class QuizFixtures {

    public static final String DATABASE = "assessment";

    private QuizFixtures() {
    }

    public record TestSpec(int totalQuestions, int timeLimitMinutes, boolean openToAll, int initialDifficulty) {

        public static TestSpec open(int totalQuestions) {
            return new TestSpec(totalQuestions, 30, true, 2);
        }
    }

    /** A test with a bank of {@code perLevel} questions at each difficulty; returns its id. */
    public static long createTest(TestSpec spec, int perLevel) {
        try (Connection db = connect()) {
            long testId;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO assessment_test (name, skills, "
                    + "total_questions, time_limit_minutes, question_time_limit_seconds, open_to_all, "
                    + "initial_difficulty, created_by) VALUES (?, ?, ?, ?, 60, ?, ?, 'fixture') RETURNING id")) {
                Array skills = db.createArrayOf("text", new String[] { "JavaScript Programming", "SQL" });
                insert.setString(1, "Fixture test " + UUID.randomUUID());
                insert.setArray(2, skills);
                insert.setInt(3, spec.totalQuestions());
                insert.setInt(4, spec.timeLimitMinutes());
                insert.setBoolean(5, spec.openToAll());
                insert.setInt(6, spec.initialDifficulty());
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    testId = rows.getLong(1);
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bank_question (test_id, text, option_a, "
                    + "option_b, option_c, option_d, correct_option, difficulty, skill) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'JavaScript Programming')")) {
                for (int level = 1; level <= 3; level++) {
                    for (int i = 0; i < perLevel; i++) {
                        insert.setLong(1, testId);
                        insert.setString(2, "Level " + level + " question " + i + " of test " + testId);
                        insert.setString(3, "answer A" + i);
                        insert.setString(4, "answer B" + i);
                        insert.setString(5, "answer C" + i);
                        insert.setString(6, "answer D" + i);
                        insert.setString(7, String.valueOf("ABCD".charAt((i + level) % 4)));
                        insert.setInt(8, level);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return testId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The correct option stored for a shown question ({@code q_<id>}), read the way an auditor would. */
    public static String correctOption(String questionId) {
        return row("SELECT correct_option FROM attempt_question WHERE id = ?",
                Long.parseLong(questionId.substring(2))).get("correct_option").toString();
    }

    public static int difficulty(String questionId) {
        return ((Number) row("SELECT difficulty FROM attempt_question WHERE id = ?",
                Long.parseLong(questionId.substring(2))).get("difficulty")).intValue();
    }

    public static Map<String, Object> attempt(long attemptId) {
        return row("SELECT * FROM attempt WHERE id = ?", attemptId);
    }

    public static long answeredRows(long attemptId) {
        return ((Number) row("SELECT count(*) AS n FROM attempt_question WHERE attempt_id = ? "
                + "AND selected_option IS NOT NULL", attemptId).get("n")).longValue();
    }

    public static void execute(String sql, Object... params) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> row(String sql, Object... params) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                Map<String, Object> row = new HashMap<>();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return EmbeddedInfra.postgres().connect(DATABASE);
    }
}
