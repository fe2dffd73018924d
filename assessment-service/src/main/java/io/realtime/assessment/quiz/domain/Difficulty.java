package io.realtime.assessment.quiz.domain;

import java.util.Arrays;
import java.util.Optional;

/** The guide's three levels; stored as 1..3 so that "one level harder" is arithmetic. */
public enum Difficulty {
    EASY(1, "easy"),
    MEDIUM(2, "medium"),
    HARD(3, "hard");

    private final int level;
    private final String wireName;

    Difficulty(int level, String wireName) {
        this.level = level;
        this.wireName = wireName;
    }

    public int level() {
        return level;
    }

    public String wireName() {
        return wireName;
    }

    public static Difficulty ofLevel(int level) {
        return values()[Math.max(1, Math.min(3, level)) - 1];
    }

    public static Optional<Difficulty> ofWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
