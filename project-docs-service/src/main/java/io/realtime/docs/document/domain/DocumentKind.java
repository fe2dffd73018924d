package io.realtime.docs.document.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats a project accepts. Decided from the file name's extension, else from the declared content type; a PDF
 * is processed page by page, Markdown and plain text as one text without pages (Markdown split at its headings).
 */
public enum DocumentKind {
    PDF("pdf", "application/pdf"),
    MARKDOWN("markdown", "text/markdown"),
    TEXT("text", "text/plain");

    private final String dbName;
    private final String contentType;

    DocumentKind(String dbName, String contentType) {
        this.dbName = dbName;
        this.contentType = contentType;
    }

    public String dbName() {
        return dbName;
    }

    /** The content type stored and announced for this kind. */
    public String contentType() {
        return contentType;
    }

    public static DocumentKind ofDbName(String name) {
        for (DocumentKind kind : values()) {
            if (kind.dbName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown document kind " + name);
    }

    /** The kind of an upload, or empty when neither the extension nor the declared type is one we accept. */
    public static Optional<DocumentKind> detect(String filename, String declaredType) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        switch (extension) {
            case "pdf":
                return Optional.of(PDF);
            case "md", "markdown":
                return Optional.of(MARKDOWN);
            case "txt", "text":
                return Optional.of(TEXT);
            default:
                break;
        }
        if (!extension.isEmpty() && dot > 0) {
            return Optional.empty();
        }
        String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/pdf" -> Optional.of(PDF);
            case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
            case "text/plain" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
