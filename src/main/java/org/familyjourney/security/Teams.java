package org.familyjourney.security;

import java.util.List;
import java.util.Optional;
import org.familyjourney.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The teams staff belong to (one each). A team's manager sees the team's cases; its workers its
 * unassigned tasks ({@link RecordAccess}). The intake team also holds cases before allocation.
 */
@Service
public class Teams {

    private final JdbcTemplate jdbc;

    Teams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Team(long id, String name, boolean intake) {
    }

    public List<Team> all() {
        return jdbc.query("SELECT id, name, intake FROM team ORDER BY name",
                (rs, row) -> new Team(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
    }

    public Optional<String> teamOf(String username) {
        return jdbc.queryForList("SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.username = ?",
                String.class, username).stream().findFirst();
    }

    /** Puts the person in the named team (out of any other); a blank team name leaves them in none. */
    public void place(String username, String teamName) {
        jdbc.update("DELETE FROM team_member WHERE username = ?", username);
        if (teamName == null || teamName.isBlank()) {
            return;
        }
        List<Long> team = jdbc.queryForList("SELECT id FROM team WHERE name = ?", Long.class, teamName.strip());
        if (team.isEmpty()) {
            throw new InvalidInputException("team", "is not a team: choose one of " + all().stream().map(Team::name).toList());
        }
        jdbc.update("INSERT INTO team_member (username, team_id) VALUES (?, ?)", username, team.getFirst());
    }

    /** Puts the person in the team unless they are in one already (demo data, kept across restarts). */
    void placeIfNone(String username, String teamName) {
        if (teamOf(username).isEmpty()) {
            place(username, teamName);
        }
    }
}
