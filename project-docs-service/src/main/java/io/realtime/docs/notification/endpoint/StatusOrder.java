package io.realtime.docs.notification.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import io.realtime.protocol.event.DocumentStatusEvent;

/**
 * The last {@code document_status} delivered per document, so that a room never sees a document go backwards: the
 * outbox relays of several instances may publish one document's events out of order (each claims its own batch), and
 * an event that is not after the last one delivered ({@link DocumentStatusEvent#order()}) is dropped (a later one
 * already said more). Bounded: the least recently updated documents are forgotten beyond {@code capacity}.
 */
final class StatusOrder {

    private final Map<Long, Long> last;

    StatusOrder(int capacity) {
        this.last = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code event} comes after every event of its document delivered so far (and is now the last). */
    synchronized boolean advance(DocumentStatusEvent event) {
        Long previous = last.get(event.documentId());
        if (previous != null && event.order() <= previous) {
            return false;
        }
        last.put(event.documentId(), event.order());
        return true;
    }
}
