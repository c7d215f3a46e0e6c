package org.exchange.accreditation.enrolment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

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

    /** UTF-8 text without control characters other than tabs and line ends. */
    private static boolean isPlainText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }
}
