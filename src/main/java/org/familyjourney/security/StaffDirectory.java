package org.familyjourney.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and their roles, kept in MySQL with bcrypt password hashes. */
@Service
public class StaffDirectory implements UserDetailsService {

    private final JdbcTemplate jdbc;

    StaffDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Staff(String username, String displayName, String email) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // The roles are read after the account's query has finished, never from inside its row mapper: outside a
        // transaction that would take a second pooled connection while holding the first, and as many
        // simultaneous sign-ins as the pool has connections then wait on each other until the pool times out.
        List<User.UserBuilder> found = jdbc.query(
                "SELECT username, password_hash, enabled FROM app_user WHERE username = ?",
                (rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled")),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("No such user");
        }
        return found.getFirst().authorities(rolesOf(username).stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList()).build();
    }

    public List<Role> rolesOf(String username) {
        return jdbc.queryForList("SELECT role FROM app_user_role WHERE username = ?", String.class, username)
                .stream().map(Role::valueOf).toList();
    }

    public Optional<Staff> find(String username) {
        return jdbc.query("SELECT username, display_name, email FROM app_user WHERE username = ?",
                (rs, row) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3)), username).stream().findFirst();
    }

    /** Everyone holding a role, e.g. the managers to escalate to. */
    public List<Staff> withRole(Role role) {
        return jdbc.query("""
                SELECT u.username, u.display_name, u.email FROM app_user u
                JOIN app_user_role r ON r.username = u.username
                WHERE r.role = ? AND u.enabled ORDER BY u.display_name""",
                (rs, row) -> new Staff(rs.getString(1), rs.getString(2), rs.getString(3)), role.name());
    }

    /** One account as the admin page lists it. */
    public record Account(String username, String displayName, String email, boolean enabled, List<Role> roles) {
    }

    public List<Account> accounts() {
        return jdbc.query("SELECT username, display_name, email, enabled FROM app_user ORDER BY username",
                (rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rolesOf(rs.getString(1))));
    }

    /** Creates a new account; false if the username is taken. */
    @Transactional
    public boolean create(String username, String displayName, String email, String passwordHash, List<Role> roles) {
        if (jdbc.update("""
                INSERT IGNORE INTO app_user (username, display_name, email, password_hash, enabled)
                VALUES (?, ?, ?, ?, TRUE)""", username, displayName, email, passwordHash) == 0) {
            return false;
        }
        roles.forEach(role -> jdbc.update("INSERT INTO app_user_role (username, role) VALUES (?, ?)", username, role.name()));
        return true;
    }

    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username) > 0;
    }

    public boolean setPasswordHash(String username, String passwordHash) {
        return jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", passwordHash, username) > 0;
    }

    @Transactional
    /** Creates the account unless it exists, and makes sure it holds these roles. */
    public void createIfAbsent(String username, String displayName, String email, String passwordHash, List<Role> roles) {
        jdbc.update("""
                INSERT IGNORE INTO app_user (username, display_name, email, password_hash, enabled)
                VALUES (?, ?, ?, ?, TRUE)""", username, displayName, email, passwordHash);
        for (Role role : roles) {
            jdbc.update("INSERT IGNORE INTO app_user_role (username, role) VALUES (?, ?)", username, role.name());
        }
    }
}
