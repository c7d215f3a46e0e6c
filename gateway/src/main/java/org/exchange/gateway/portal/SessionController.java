package org.exchange.gateway.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.exchange.gateway.security.RealmRoles;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in to the portal, for the page header and the navigation: their name, organisation and roles, as
 * their sign-in at Keycloak says. The tokens themselves never leave the gateway.
 */
@RestController
class SessionController {

    @GetMapping("/portal/session")
    ResponseEntity<Map<String, Object>> session(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", user != null);
        if (user != null) {
            body.put("subject", user.getSubject());
            body.put("username", user.getPreferredUsername());
            body.put("name", user.getFullName() != null ? user.getFullName() : user.getPreferredUsername());
            body.put("givenName", user.getGivenName());
            body.put("email", user.getEmail());
            body.put("organisation", user.getClaimAsString(RealmRoles.ORGANISATION_CLAIM));
            Set<String> roles = RealmRoles.in(user.getClaims());
            body.put("roles", roles);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
