package org.exchange.accreditation.credential;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued award credential: its signed form and whether it was revoked.
 *
 * @param holderName the holder's name when it was issued; null once they asked to be forgotten
 * @param jwt the credential signed as a VC-JWT (compact JWS)
 */
public record Credential(UUID id, UUID enrolmentId, String holderName, String achievement, LocalDate issuedOn,
        String jwt, LocalDate revokedOn, String revokedReason) {

    public boolean revoked() {
        return revokedOn != null;
    }
}
