package io.realtime.docs.document.domain;

/** Text of one page ({@code page} 1-based) or, for formats without pages, of one section ({@code page} null). */
public record ExtractedPage(Integer page, String text) {
}
