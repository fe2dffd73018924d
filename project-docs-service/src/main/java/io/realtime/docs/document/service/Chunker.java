package io.realtime.docs.document.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.realtime.docs.document.domain.ExtractedPage;
import io.realtime.docs.document.domain.TextChunk;

/**
 * Cuts pages (or sections) into chunks of about {@code size} characters on paragraph, then sentence, then word
 * boundaries; each chunk after the first of a page starts with the last whole sentences (or words) of the previous
 * one, up to {@code overlap} characters, so that a sentence cut between two chunks is found in either. Chunks never
 * span two pages, so each has one page number.
 */
public final class Chunker {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    private final int size;
    private final int overlap;

    public Chunker(int size, int overlap) {
        if (size < 50 || overlap < 0 || overlap >= size / 2) {
            throw new IllegalArgumentException("chunk size " + size + " / overlap " + overlap
                    + ": size at least 50, overlap under half the size");
        }
        this.size = size;
        this.overlap = overlap;
    }

    public List<TextChunk> chunk(List<ExtractedPage> pages) {
        List<TextChunk> chunks = new ArrayList<>();
        for (ExtractedPage page : pages) {
            for (String content : chunkText(page.text())) {
                chunks.add(new TextChunk(chunks.size(), page.page(), content));
            }
        }
        return chunks;
    }

    /** One text's chunks. */
    List<String> chunkText(String text) {
        List<String> units = units(text);
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        int fresh = 0;
        for (String unit : units) {
            int added = unit.equals("\n\n") ? 0 : unit.length() + 1;
            if (fresh > 0 && length + added > size) {
                chunks.add(join(current));
                current = tail(current);
                length = current.stream().mapToInt(part -> part.length() + 1).sum();
                fresh = 0;
            }
            if (unit.equals("\n\n")) {
                if (!current.isEmpty() && !current.get(current.size() - 1).equals("\n\n")) {
                    current.add(unit);
                }
                continue;
            }
            current.add(unit);
            length += added;
            fresh++;
        }
        if (fresh > 0) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /** Sentences (or, for a sentence longer than a chunk, word runs), with "\n\n" between paragraphs. */
    private List<String> units(String text) {
        List<String> units = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(text.replace("\r\n", "\n"))) {
            String clean = SPACES.matcher(paragraph.strip()).replaceAll(" ");
            if (clean.isEmpty()) {
                continue;
            }
            if (!units.isEmpty()) {
                units.add("\n\n");
            }
            for (String sentence : SENTENCE_END.split(clean)) {
                if (sentence.length() <= size) {
                    units.add(sentence);
                } else {
                    units.addAll(words(sentence, size));
                }
            }
        }
        return units;
    }

    /** A long sentence cut at spaces into pieces of at most {@code max} characters (a longer word is cut too). */
    private static List<String> words(String sentence, int max) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < sentence.length()) {
            int end = Math.min(sentence.length(), start + max);
            if (end < sentence.length()) {
                int space = sentence.lastIndexOf(' ', end);
                if (space > start) {
                    end = space;
                }
            }
            String piece = sentence.substring(start, end).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            start = end;
        }
        return pieces;
    }

    /** The last units of a chunk that fit in {@code overlap} characters (a partial last unit: its last words). */
    private List<String> tail(List<String> units) {
        List<String> tail = new ArrayList<>();
        int length = 0;
        for (int i = units.size() - 1; i >= 0; i--) {
            String unit = units.get(i);
            if (unit.equals("\n\n")) {
                continue;
            }
            if (length + unit.length() + 1 > overlap) {
                if (tail.isEmpty()) {
                    int from = unit.length() - overlap;
                    int space = unit.indexOf(' ', Math.max(0, from));
                    if (space > 0 && space < unit.length() - 1) {
                        tail.add(unit.substring(space + 1));
                    }
                }
                break;
            }
            tail.add(0, unit);
            length += unit.length() + 1;
        }
        return tail;
    }

    private static String join(List<String> units) {
        StringBuilder text = new StringBuilder();
        for (String unit : units) {
            if (unit.equals("\n\n")) {
                text.append("\n\n");
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
                text.append(unit);
            }
        }
        return text.toString().strip();
    }
}
