package io.realtime.docs.document.domain;

/** A piece of a document's text that is embedded and retrieved on its own; {@code page} null without pages. */
public record TextChunk(int seq, Integer page, String content) {
}
