package io.realtime.docs.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.realtime.docs.document.domain.ExtractedPage;
import io.realtime.docs.document.domain.TextChunk;
import io.realtime.docs.document.service.Chunker;

class ChunkerTest {

    private final Chunker chunker = new Chunker(800, 150);

    @Test
    void chunksStayNearTheSizeCutOnSentencesAndOverlap() {
        String text = IntStream.range(0, 60).mapToObj(i -> "Sentence number " + i + " says something about topic "
                + i + ".").collect(Collectors.joining(" "));
        List<TextChunk> chunks = chunker.chunk(List.of(new ExtractedPage(3, text)));
        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk chunk = chunks.get(i);
            assertThat(chunk.seq()).isEqualTo(i);
            assertThat(chunk.page()).isEqualTo(3);
            assertThat(chunk.content().length()).isLessThanOrEqualTo(800 + 150);
            assertThat(chunk.content()).startsWith("Sentence number").endsWith(".");
            if (i > 0) {
                String previous = chunks.get(i - 1).content();
                String firstSentence = chunk.content().substring(0, chunk.content().indexOf('.') + 1);
                assertThat(previous).as("overlap").contains(firstSentence);
            }
        }
        assertThat(chunks.get(chunks.size() - 1).content()).endsWith("topic 59.");
    }

    @Test
    void pagesAreNeverMixedAndShortTextIsOneChunk() {
        List<TextChunk> chunks = chunker.chunk(List.of(new ExtractedPage(1, "Alpha page."),
                new ExtractedPage(2, "Beta page.\n\nSecond paragraph."), new ExtractedPage(3, "   ")));
        assertThat(chunks).extracting(TextChunk::page).containsExactly(1, 2);
        assertThat(chunks.get(1).content()).isEqualTo("Beta page.\n\nSecond paragraph.");
    }

    @Test
    void aSentenceLongerThanAChunkIsCutAtWords() {
        String longSentence = "word ".repeat(500).strip();
        List<TextChunk> chunks = chunker.chunk(List.of(new ExtractedPage(null, longSentence)));
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.content().length()).isLessThanOrEqualTo(950));
    }
}
