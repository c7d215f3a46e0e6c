package org.exchange.exchange.discussion;

import static org.exchange.platform.content.UploadedContent.isPlainText;
import static org.exchange.platform.content.UploadedContent.refusal;
import static org.exchange.platform.content.UploadedContent.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Which files a discussion post may carry: at most 5 MiB (under the gateway's 6 MiB), and only PDF, PNG, JPEG, plain
 * text, Word, Excel or PowerPoint (DOCX, XLSX, PPTX), judged by the file's content, which must agree with its
 * extension; the type the client declares is never trusted (a renamed executable or web page is refused).
 */
final class AttachmentPolicy {

    /** The largest file, in bytes. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The longest file name kept, in characters. */
    static final int MAX_NAME = 200;

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final Map<String, String> BY_EXTENSION = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain", "docx", DOCX, "xlsx", XLSX,
            "pptx", PPTX);
    /** The part every Office Open XML package of each kind holds. */
    private static final Map<String, String> OFFICE_PARTS = Map.of("word/document.xml", DOCX, "xl/workbook.xml", XLSX,
            "ppt/presentation.xml", PPTX);
    private static final byte[] ZIP_ENTRY = { 'P', 'K', 3, 4 };

    private AttachmentPolicy() {
    }

    /** A file the policy accepted: the name to keep and the type its content shows. */
    record Accepted(String fileName, String mediaType) {
    }

    /** The file, when acceptable; a 400, 413 or 415 problem otherwise. */
    static Accepted check(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw refusal(HttpStatus.PAYLOAD_TOO_LARGE, "A file attached to a post is at most 5 MiB; this one is "
                    + "%.1f MiB".formatted(content.length / 1024.0 / 1024.0));
        }
        if (content.length == 0) {
            throw refusal(HttpStatus.BAD_REQUEST, "The file is empty");
        }
        String name = name(fileName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        String declared = BY_EXTENSION.get(extension);
        String detected = detect(content);
        if (declared == null || !declared.equals(detected)) {
            throw refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A post can carry PDF, PNG, JPEG, plain text (.txt), "
                    + "Word (.docx), Excel (.xlsx) or PowerPoint (.pptx) files whose content matches their name");
        }
        return new Accepted(name, detected);
    }

    /** The name without any folder a browser sent along, without control characters, and not too long. */
    private static String name(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw refusal(HttpStatus.BAD_REQUEST, "The file has no name");
        }
        if (name.length() > MAX_NAME) {
            throw refusal(HttpStatus.BAD_REQUEST, "A file name is at most %d characters".formatted(MAX_NAME));
        }
        return name;
    }

    /** The type the content shows, or null when it is none of those allowed. */
    static String detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
            return "image/png";
        }
        if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return "image/jpeg";
        }
        if (startsWith(content, ZIP_ENTRY)) {
            return officeType(content);
        }
        return isPlainText(content) ? "text/plain" : null;
    }

    /**
     * The Office type of a ZIP package, from the names in its local entry headers; nothing is decompressed, so that a
     * small archive that inflates to gigabytes costs nothing.
     */
    private static String officeType(byte[] zip) {
        for (int at = 0; at + 30 <= zip.length; at++) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 3 && zip[at + 3] == 4) {
                int nameLength = (zip[at + 26] & 0xFF) | (zip[at + 27] & 0xFF) << 8;
                if (at + 30 + nameLength <= zip.length) {
                    String type = OFFICE_PARTS.get(new String(zip, at + 30, nameLength, StandardCharsets.UTF_8));
                    if (type != null) {
                        return type;
                    }
                }
            }
        }
        return null;
    }
}
