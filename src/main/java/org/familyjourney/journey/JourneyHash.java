package org.familyjourney.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The SHA-256 of a journey entry's content, chained to the hash of the entry before it. */
final class JourneyHash {

    static final String GENESIS = "0".repeat(64);

    private JourneyHash() {
    }

    static String of(String previousHash, String caseReference, Instant occurredAt, String kind, String step, String actor,
                     String summary, String details) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
            String content = String.join("\u001f", previousHash, caseReference, occurredAt.toString(), kind,
                    String.valueOf(step), actor, summary, String.valueOf(details));
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
