package io.realtime.docs.document.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import io.realtime.docs.document.domain.DocumentKind;
import io.realtime.docs.document.domain.ExtractedPage;
import io.realtime.docs.document.domain.IngestionFailure;

/**
 * A document's text: per page for PDF (Apache PDFBox), per heading section for Markdown, one section for plain text
 * (sections have no page number). Every reason a file cannot be read is an {@link IngestionFailure} whose message the
 * client sees in the {@code failed} status. Blocking and CPU-bound: run on an ingestion worker.
 */
public final class TextExtractor {

    public static final String ENCRYPTED = "The PDF is encrypted (password protected); upload it without a password";
    public static final String NO_EXTRACTION = "The PDF's permissions do not allow text extraction";
    public static final String NOT_A_PDF = "The file is not a readable PDF (corrupt or not a PDF)";
    public static final String NO_TEXT = "No extractable text: the document is empty or scanned images "
            + "(OCR is not supported)";
    public static final String NOT_UTF8 = "The file is not UTF-8 text";

    /** The pages (or sections) of a document and how many pages it has (null for formats without pages). */
    public record Extracted(List<ExtractedPage> pages, Integer pageCount) {
    }

    private TextExtractor() {
    }

    public static Extracted extract(DocumentKind kind, byte[] content, int maxPages) {
        Extracted extracted = switch (kind) {
            case PDF -> pdf(content, maxPages);
            case MARKDOWN -> new Extracted(markdownSections(utf8(content)), null);
            case TEXT -> new Extracted(List.of(new ExtractedPage(null, utf8(content))), null);
        };
        if (extracted.pages().stream().allMatch(page -> page.text().isBlank())) {
            throw new IngestionFailure(NO_TEXT);
        }
        return extracted;
    }

    private static Extracted pdf(byte[] content, int maxPages) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
                throw new IngestionFailure(NO_EXTRACTION);
            }
            int pages = pdf.getNumberOfPages();
            if (pages > maxPages) {
                throw new IngestionFailure("The PDF has " + pages + " pages; at most " + maxPages + " are accepted");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<ExtractedPage> result = new ArrayList<>(pages);
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                result.add(new ExtractedPage(page, stripper.getText(pdf)));
            }
            return new Extracted(result, pages);
        } catch (InvalidPasswordException e) {
            throw new IngestionFailure(ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IngestionFailure failure) {
                throw failure;
            }
            throw new IngestionFailure(NOT_A_PDF);
        }
    }

    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new IngestionFailure(NOT_UTF8);
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IngestionFailure(NOT_UTF8);
        }
    }

    /** Markdown split before each ATX heading ({@code #} to {@code ######}), outside fenced code blocks. */
    static List<ExtractedPage> markdownSections(String markdown) {
        List<ExtractedPage> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\r?\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
            }
            if (!fenced && trimmed.matches("#{1,6}(\\s.*)?") && !current.toString().isBlank()) {
                sections.add(new ExtractedPage(null, current.toString()));
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (!current.toString().isBlank()) {
            sections.add(new ExtractedPage(null, current.toString()));
        }
        return sections;
    }
}
