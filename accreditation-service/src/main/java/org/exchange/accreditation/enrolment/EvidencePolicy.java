package org.exchange.accreditation.enrolment;

import static org.exchange.platform.content.UploadedContent.isPlainText;
import static org.exchange.platform.content.UploadedContent.refusal;
import static org.exchange.platform.content.UploadedContent.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.http.HttpStatus;

/**
 * Which evidence files the portfolio takes: at most 5 MB, and only PDF, PNG, JPEG, Word (DOCX) or plain text, judged
 * by the file's content, which must agree with its extension (a renamed executable is refused).
 */
final class EvidencePolicy {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "txt", "text/plain");

    private EvidencePolicy() {
    }

    /** The media type of an acceptable file; a 413 or 415 problem otherwise. */
    static String mediaType(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw refusal(HttpStatus.PAYLOAD_TOO_LARGE, "An evidence file is at most 5 MB; this one is "
                    + (content.length / 1024 / 1024) + " MB");
        }
        if (content.length == 0) {
            throw refusal(HttpStatus.BAD_REQUEST, "The evidence file is empty");
        }
        String extension = fileName == null || !fileName.contains(".") ? ""
                : fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String declared = TYPES.get(extension);
        String detected = detect(content);
        if (declared == null || detected == null || !declared.equals(detected)) {
            throw refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Evidence can be a PDF, PNG, JPEG, Word (.docx) or "
                    + "plain text file whose content matches its name");
        }
        return detected;
    }

    static String detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return TYPES.get("pdf");
        }
        if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
            return TYPES.get("png");
        }
        if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return TYPES.get("jpg");
        }
        if (startsWith(content, new byte[] { 'P', 'K', 3, 4 }) && isWordDocument(content)) {
            return TYPES.get("docx");
        }
        if (isPlainText(content)) {
            return TYPES.get("txt");
        }
        return null;
    }

    private static boolean isWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if ("word/document.xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
