package org.familyjourney.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every page's top navigation counts my open tasks, and the overdue ones when there are any. */
class NavigationCountsTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static Integer navCount(String page, String id) {
        Matcher count = Pattern.compile("id=\"" + id + "\">\\s*<span>[^<]*</span>\\s*<span class=\"count[^\"]*\">(\\d+)</span>").matcher(page);
        return count.find() ? Integer.valueOf(count.group(1)) : null;
    }

    @Test
    void navigationCountsMyTasksAndTheOverdueOnesOnEveryPage() {
        CaseWalk walk = CaseWalk.allocatedTo(api, "tom");
        api.awaitTask("tom", walk.reference, "Task_MakeFirstContact");
        PageSession tom = PageSession.signedIn(port, "tom");
        int mine = jdbc.queryForObject("SELECT COUNT(*) FROM user_task WHERE state = 'OPEN' AND assignee = 'tom'", Integer.class);

        String casePage = tom.get("/cases/" + walk.reference).body();
        assertThat(navCount(casePage, "nav-my-tasks")).isEqualTo(mine).isPositive();
        assertThat(navCount(tom.get("/referrals/new").body(), "nav-my-tasks")).isEqualTo(mine);

        // Past the first-contact deadline, the task is overdue: the Overdue link appears with the Overdue tray's count.
        assertThat(api.advanceClock("P5D").status()).isEqualTo(200);
        Integer overdue = navCount(tom.get("/cases/" + walk.reference).body(), "nav-overdue");
        assertThat(overdue).isPositive();
        assertThat(navCount(tom.get("/tasks?tray=OVERDUE").body(), "nav-overdue")).isEqualTo(overdue);
    }

    @Test
    void signedOutPagesHaveNoCounts() {
        String signIn = new PageSession(port).get("/login").body();
        assertThat(signIn).doesNotContain("nav-my-tasks").doesNotContain("nav-overdue");
    }
}
