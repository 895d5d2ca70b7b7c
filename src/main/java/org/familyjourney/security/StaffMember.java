package org.familyjourney.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as the rest of the app needs them: name, roles and candidate groups. */
public record StaffMember(String username, Set<Role> roles) {

    public static StaffMember of(Authentication authentication) {
        return new StaffMember(authentication.getName(), rolesOf(authentication.getAuthorities()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<String> candidateGroups() {
        return roles.stream().flatMap(r -> r.candidateGroup().stream()).collect(Collectors.toSet());
    }

    private static Set<Role> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
