package org.exchange.platform.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a service's upload policy checks of a file's bytes, whatever its client said it was: its leading signature,
 * whether it is plain text, and the problem+json refusal (413, 415, 400) a policy answers with.
 */
public final class UploadedContent {

    private UploadedContent() {
    }

    /** UTF-8 text without control characters other than tabs and line ends. */
    public static boolean isPlainText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether the content begins with this signature (a file type's magic bytes). */
    public static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A refusal of the upload, answered as problem+json with this status and detail. */
    public static ErrorResponseException refusal(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }
}
