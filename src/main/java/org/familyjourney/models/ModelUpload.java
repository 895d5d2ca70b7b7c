package org.familyjourney.models;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The limits every upload of a model meets before any check: size, and readable UTF-8 text. */
final class ModelUpload {

    /** Our largest diagram is ~60 KB; 2 MB (also spring.servlet.multipart's limit) leaves room and stops abuse. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private ModelUpload() {
    }

    static String text(byte[] content, String what) {
        if (content == null || content.length == 0) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "The " + what + " is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new ModelRejected(HttpStatus.PAYLOAD_TOO_LARGE, String.format(Locale.ROOT,
                    "The %s is %.1f MB; the limit is %d MB.", what, content.length / 1048576.0, MAX_BYTES / 1048576));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelRejected(HttpStatus.BAD_REQUEST, "The " + what + " is not UTF-8 text.");
        }
    }
}
