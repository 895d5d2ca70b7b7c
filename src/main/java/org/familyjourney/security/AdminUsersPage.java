package org.familyjourney.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page for staff accounts: who exists, their roles and team; create an account, disable
 * one, reset a password (stored as a bcrypt hash). It shows no family; an admin reads family records
 * only if also given a family role.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersPage {

    static final String VIEW = "admin/users";
    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final StaffDirectory staff;
    private final Teams teams;
    private final PasswordEncoder passwords;
    private final MessageSource messages;

    AdminUsersPage(StaffDirectory staff, Teams teams, PasswordEncoder passwords, MessageSource messages) {
        this.staff = staff;
        this.teams = teams;
        this.passwords = passwords;
        this.messages = messages;
    }

    record Row(StaffDirectory.Account account, String team) {
    }

    @GetMapping("/admin/users")
    String users(Model model, Locale locale) {
        return page(model, List.of(), "", "", "", "", Set.of(), locale);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String team,
                  Model model, Locale locale, HttpServletResponse response, RedirectAttributes flash) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username.strip()).matches()) {
            problems.add(new FieldProblem("username", "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter"));
        }
        if (displayName.isBlank() || displayName.length() > 200) {
            problems.add(new FieldProblem("displayName", "is required (at most 200 characters)"));
        }
        if (password.length() < MIN_PASSWORD) {
            problems.add(new FieldProblem("password", "must be at least " + MIN_PASSWORD + " characters"));
        }
        Set<Role> chosen = roles(roles, problems);
        if (!team.isBlank() && teams.all().stream().noneMatch(t -> t.name().equals(team.strip()))) {
            problems.add(new FieldProblem("team", "is not a team: choose one from the list"));
        }
        if (problems.isEmpty() && !staff.create(username.strip(), displayName.strip(), email.isBlank() ? null : email.strip(),
                passwords.encode(password), List.copyOf(chosen))) {
            problems.add(new FieldProblem("username", "is taken: choose another"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, problems, username, displayName, email, team, chosen, locale);
        }
        teams.place(username.strip(), team);
        flash.addFlashAttribute("message", messages.getMessage("admin.users.created", new Object[] {username.strip()}, locale));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Locale locale, RedirectAttributes flash) {
        found(staff.setEnabled(username, false), username);
        flash.addFlashAttribute("message", messages.getMessage("admin.users.disabled", new Object[] {username}, locale));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password, Locale locale,
                         RedirectAttributes flash) {
        if (password.length() < MIN_PASSWORD) {
            flash.addFlashAttribute("problem", messages.getMessage("admin.users.passwordTooShort", new Object[] {MIN_PASSWORD}, locale));
            return "redirect:/admin/users";
        }
        found(staff.setPasswordHash(username, passwords.encode(password)), username);
        flash.addFlashAttribute("message", messages.getMessage("admin.users.passwordReset", new Object[] {username}, locale));
        return "redirect:/admin/users";
    }

    private String page(Model model, List<FieldProblem> problems, String username, String displayName, String email, String team,
                        Set<Role> chosen, Locale locale) {
        model.addAttribute("rows", staff.accounts().stream().map(a -> new Row(a, teams.teamOf(a.username()).orElse(null))).toList());
        model.addAttribute("teams", teams.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", FormErrors.of(problems, messages, locale));
        model.addAttribute("form", new String[] {username, displayName, email, team});
        model.addAttribute("chosen", chosen);
        return VIEW;
    }

    private static Set<Role> roles(List<String> names, List<FieldProblem> problems) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                chosen.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                problems.add(new FieldProblem("roles", "names no role called " + name));
            }
        }
        if (chosen.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("roles"))) {
            problems.add(new FieldProblem("roles", "needs at least one role"));
        }
        return chosen;
    }

    private static void found(boolean changed, String username) {
        if (!changed) {
            throw new NotFoundException("There is no user " + username + ".");
        }
    }
}
