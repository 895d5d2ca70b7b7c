package org.familyjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What anonymisation leaves of a journey entry's free text, which retention decides. Free text moved beside
 * the chain from an entry older than its case's anonymisation (or erasure) is stored as that anonymisation
 * would have left it, had the text been there then.
 */
public interface AnonymisedFreeText {

    /** The free text as an anonymisation recorded as {@code by} (CASE_ANONYMISED or CASE_ERASED) leaves it. */
    JsonNode as(JourneyKind by, JsonNode freeText);
}
