package org.familyjourney.caseimport;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;

/** The caseload import page is reached from the top bar by those who may import, and only by them. */
class CaseImportNavigationTest extends ApplicationTest {

    @Test
    void managersAndAdminsFindTheImportPageInTheNavigationAndOthersDoNot() {
        for (String user : new String[] {"priya", "admin"}) {
            String page = PageSession.signedIn(port, user).get("/import/cases").body();
            assertThat(page).as(user).contains("id=\"nav-import\"").contains("href=\"/import/cases\"");
        }
        assertThat(PageSession.signedIn(port, "maya").get("/tasks").body()).contains("nav-").doesNotContain("nav-import");
        assertThat(PageSession.signedIn(port, "alex").get("/audit").body()).contains("nav-").doesNotContain("nav-import");
    }
}
