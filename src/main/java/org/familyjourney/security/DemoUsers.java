package org.familyjourney.security;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fictional staff for a demo or training run (familyjourney.demo-users=true, the embedded default).
 * Names are invented; none comes from a real case. README lists them, and so does the sign-in page
 * of a demo run.
 */
@Component
@ConditionalOnProperty(name = "familyjourney.demo-users", havingValue = "true")
class DemoUsers implements InitializingBean {

    static final String PASSWORD = "family-journey";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("maya", "Maya Okafor", "Family support worker, North team"),
            new DemoUser("tom", "Tom Brennan", "Family support worker, North team"),
            new DemoUser("priya", "Priya Lal", "Team manager, North team"),
            new DemoUser("grace", "Grace Adeyemi", "Team manager and family support worker, North team"),
            new DemoUser("sol", "Sol Achebe", "Family support worker, South team"),
            new DemoUser("nadia", "Nadia Ferreira", "Team manager, South team"),
            new DemoUser("dev", "Dev Sharma", "Designated safeguarding lead"),
            new DemoUser("alex", "Alex Moreno", "Auditor"),
            new DemoUser("admin", "Site Administrator", "Administrator"));

    private final StaffDirectory staff;
    private final PasswordEncoder passwords;
    private final Teams teams;

    DemoUsers(StaffDirectory staff, PasswordEncoder passwords, Teams teams) {
        this.staff = staff;
        this.passwords = passwords;
        this.teams = teams;
    }

    @Override
    public void afterPropertiesSet() {
        String hash = passwords.encode(PASSWORD);
        create("maya", "Maya Okafor", List.of(Role.WORKER), hash);
        create("tom", "Tom Brennan", List.of(Role.WORKER), hash);
        create("priya", "Priya Lal", List.of(Role.MANAGER), hash);
        // A team manager who also holds a few cases, as in small teams: she must not approve her own closures.
        create("grace", "Grace Adeyemi", List.of(Role.MANAGER, Role.WORKER), hash);
        create("dev", "Dev Sharma", List.of(Role.SAFEGUARDING_LEAD), hash);
        create("alex", "Alex Moreno", List.of(Role.AUDITOR), hash);
        create("admin", "Site Administrator", List.of(Role.ADMIN), hash);
        // A second team, so that what one team sees of another's families can be shown and tested.
        create("sol", "Sol Achebe", List.of(Role.WORKER), hash);
        create("nadia", "Nadia Ferreira", List.of(Role.MANAGER), hash);
        for (String north : List.of("maya", "tom", "priya", "grace")) {
            teams.placeIfNone(north, "North");
        }
        teams.placeIfNone("sol", "South");
        teams.placeIfNone("nadia", "South");
    }

    private void create(String username, String name, List<Role> roles, String hash) {
        staff.createIfAbsent(username, name, username + "@family-journey.example", hash, roles);
    }
}
