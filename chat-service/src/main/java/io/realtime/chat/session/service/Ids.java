package io.realtime.chat.session.service;

import java.util.UUID;

/** Session and visitor ids are UUIDs; anything else names no session. */
public final class Ids {

    private Ids() {
    }

    /** The UUID {@code text} spells (canonical form, any case), or null. */
    public static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
