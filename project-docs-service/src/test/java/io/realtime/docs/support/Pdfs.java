package io.realtime.docs.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDFs made with PDFBox for the tests: one page per entry, each entry a list of lines. */
public final class Pdfs {

    private Pdfs() {
    }

    public static byte[] pages(List<List<String>> pages) {
        return make(pages, null);
    }

    /** Pages without any text (what a scanned document looks like to a text extractor). */
    public static byte[] blank(int pages) {
        return make(java.util.Collections.nCopies(pages, List.of()), null);
    }

    /** Encrypted with a user password: it cannot be opened without it. */
    public static byte[] encrypted(List<List<String>> pages) {
        return make(pages, "secret");
    }

    private static byte[] make(List<List<String>> pages, String userPassword) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (!lines.isEmpty()) {
                        content.beginText();
                        content.setFont(font, 11);
                        content.setLeading(14);
                        content.newLineAtOffset(50, 720);
                        for (String line : lines) {
                            content.showText(line);
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
