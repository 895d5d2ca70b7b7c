package org.familyjourney.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;

class CaseSearchApiTest extends ApplicationTest {

    @Test
    void auditorFindsACaseByReferenceNameAndPostcode() {
        String reference = api.referFamily("priya");
        String parent = api.get("priya", "/api/cases?reference=" + reference).body().get(0).path("parentName").asText();
        JsonNode byName = api.get("alex", "/api/cases?name=" + parent.replace(" ", "%20")).body();
        assertThat(byName.findValuesAsText("reference")).contains(reference);
        JsonNode byPostcode = api.get("alex", "/api/cases?postcode=m145ab&status=AWAITING_TRIAGE").body();
        assertThat(byPostcode.findValuesAsText("reference")).contains(reference);
    }

    @Test
    void aWorkerFindsOnlyTheCasesTheyHold() {
        String reference = api.referFamily("priya");
        assertThat(api.get("tom", "/api/cases?reference=" + reference).body()).isEmpty();
    }

    @Test
    void anUnknownStatusIsNamed() {
        Response response = api.get("alex", "/api/cases?status=HAPPY");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("status");
    }
}
