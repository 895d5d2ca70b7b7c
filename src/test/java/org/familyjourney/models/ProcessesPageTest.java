package org.familyjourney.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;

/** Who sees what of the processes pages: managers edit, auditors read, workers are turned away. */
class ProcessesPageTest extends ApplicationTest {

    @Test
    void managersSeeEveryProcessAndFormWithItsVersionsAndMayEdit() {
        Page page = PageSession.signedIn(port, "priya").get("/manage/processes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"processes-family-journey\"", "id=\"processes-safeguarding-concern\"",
                "id=\"processes-school-advocacy-meeting\"", "id=\"processes-onward-referral\"", "id=\"forms-triage-referral\"",
                "packaged with the app", "Edit the diagram", "Edit the form");
        PageSession priya = PageSession.signedIn(port, "priya");
        assertThat(priya.get("/manage/processes/family-journey/edit").body()).contains("camunda-cloud-modeler.production.min.js",
                "data-check-url=\"/manage/processes/family-journey/check\"");
        assertThat(priya.get("/manage/forms/triage-referral/edit").body()).contains("form-editor.umd.js");
        assertThat(priya.get("/manage/processes/family-journey/versions/1/download").body()).contains("<bpmn:process id=\"family-journey\"");
        assertThat(priya.get("/vendor/camunda-modeler/camunda-cloud-modeler.production.min.js").status()).isEqualTo(200);
        assertThat(priya.get("/vendor/form-editor/form-editor.umd.js").status()).isEqualTo(200);
    }

    @Test
    void auditorsReadTheVersionsButCannotEditOrRollBack() {
        PageSession alex = PageSession.signedIn(port, "alex");
        Page page = alex.get("/manage/processes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("processes-family-journey").doesNotContain("Edit the diagram", "class=\"inline roll-back\"");
        assertThat(alex.get("/manage/processes/family-journey/edit").status()).isEqualTo(403);
    }

    @Test
    void workersAreTurnedAway() {
        assertThat(PageSession.signedIn(port, "maya").get("/manage/processes").status()).isEqualTo(403);
    }
}
