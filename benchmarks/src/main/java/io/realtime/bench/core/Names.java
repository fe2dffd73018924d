package io.realtime.bench.core;

import java.util.concurrent.ThreadLocalRandom;

/** Names unique to one run (users, titles, message ids), so runs against one suite never meet each other's data. */
public final class Names {

    private Names() {
    }

    /** A short prefix of letters and digits only (no '-' or '.', which the scenarios use as separators). */
    public static String runPrefix() {
        return "b" + Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
    }
}
