package org.exchange.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Keycloak's realm roles ({@code realm_access.roles}) as {@code ROLE_<role>} authorities. */
public final class RealmRoles {

    /** The claim that carries the person's partner organisation (an identity provider mapper sets it). */
    public static final String ORGANISATION_CLAIM = "organisation";

    private RealmRoles() {
    }

    /** The realm roles in a set of claims (an ID token, user info or an access token). */
    public static Set<String> in(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }

    /** The authorities of those roles. */
    static Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        return in(claims).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
