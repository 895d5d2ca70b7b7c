package org.familyjourney.tasklist;

import java.security.Principal;
import org.familyjourney.security.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The counts in the top navigation of every page: my open tasks, and the overdue ones when there
 * are any. Lazy, so the database is asked only when a page is drawn, once: the API's answers and
 * redirects, which pass through here too, never ask.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationCounts {

    static final String ATTRIBUTE = "navCounts";
    private static final Logger log = LoggerFactory.getLogger(NavigationCounts.class);

    public record Counts(int mine, int overdue) {
    }

    private final TaskQuery query;

    NavigationCounts(TaskQuery query) {
        this.query = query;
    }

    @ModelAttribute
    void addTo(Model model, Principal user) {
        if (user instanceof Authentication signedIn) {
            StaffMember who = StaffMember.of(signedIn);
            model.addAttribute(ATTRIBUTE, new LazyContextVariable<Counts>() {
                @Override
                protected Counts loadValue() {
                    try {
                        return query.navigationCounts(who);
                    } catch (DataAccessException e) {
                        // The counts are a convenience: a page (an error page above all) is drawn without them.
                        log.warn("Navigation counts unavailable: {}", e.getClass().getSimpleName());
                        return null;
                    }
                }
            });
        }
    }
}
