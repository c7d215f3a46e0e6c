package org.exchange.membership.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Access tokens of the people the tests act as, shaped like Keycloak's. */
public final class Tokens {

    /** A programme admin's subject id, the same in every test. */
    public static final UUID PROGRAMME_ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000ad01");

    private Tokens() {
    }

    public static JwtRequestPostProcessor practitioner(UUID subject) {
        return token(subject, "org-westmid-college", "practitioner");
    }

    public static JwtRequestPostProcessor programmeAdmin() {
        return token(PROGRAMME_ADMIN, "org-academy", "programme-admin");
    }

    public static JwtRequestPostProcessor orgAdmin(String organisationId) {
        return token(UUID.randomUUID(), organisationId, "org-admin");
    }

    public static JwtRequestPostProcessor token(UUID subject, String organisationId, String... roles) {
        return jwt().jwt(token -> token.subject(subject.toString())
                .claim("email", "p-" + subject + "@college.test")
                .claim("given_name", "Grace")
                .claim("family_name", "Hopper")
                .claim("organisation", organisationId)
                .claim("realm_access", Map.of("roles", List.of(roles))));
    }
}
