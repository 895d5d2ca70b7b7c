package org.familyjourney.retention;

import com.fasterxml.jackson.databind.JsonNode;
import org.familyjourney.journey.AnonymisedFreeText;
import org.familyjourney.journey.JourneyKind;
import org.springframework.stereotype.Component;

/**
 * The journey's free text as anonymisation leaves it (every text the placeholder), for text moved beside
 * the chain only after its case was anonymised or erased (V120, entries written before V105).
 */
@Component
class PlaceholderFreeText implements AnonymisedFreeText {

    @Override
    public JsonNode as(JourneyKind by, JsonNode freeText) {
        String placeholder = by == JourneyKind.CASE_ERASED ? CaseRetention.ERASED_PLACEHOLDER : CaseRetention.PLACEHOLDER;
        return Anonymiser.scrubAll(freeText.deepCopy(), placeholder);
    }
}
