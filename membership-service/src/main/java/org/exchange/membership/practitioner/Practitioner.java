package org.exchange.membership.practitioner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.security.Caller;

/**
 * A person on the platform, known by the identity provider's subject id.
 *
 * @param id the identity provider's subject id
 * @param organisationId the partner organisation the person belongs to, or null: from the identity provider's token,
 *        or confirmed by an org-admin of the organisation, never from the person alone
 * @param specialisms the subjects or themes they specialise in
 * @param newsletterConsent whether they agreed to receive the quarterly newsletter
 * @param nameOnOutcomesConsent whether their name may be shown on the outcomes they contributed to
 * @param erasedAt when their personal data was erased at their request, or null
 * @param requestedOrganisationId the organisation they asked to join, awaiting an org-admin's confirmation, or null
 */
public record Practitioner(
        UUID id,
        String email,
        String givenName,
        String familyName,
        String organisationId,
        Instant registeredAt,
        String jobRole,
        String region,
        List<String> specialisms,
        boolean newsletterConsent,
        boolean nameOnOutcomesConsent,
        Instant profileUpdatedAt,
        Instant erasedAt,
        String requestedOrganisationId) {

    /** What stands in for the name of a person whose data was erased. */
    public static final String ERASED_NAME = "Erased practitioner";

    public Practitioner {
        specialisms = specialisms == null ? List.of() : List.copyOf(specialisms);
    }

    /** The profile a person gets when they first sign in, from what their token says about them. */
    static Practitioner firstSignIn(Caller caller, Instant now) {
        return new Practitioner(caller.subjectId(), caller.email(), caller.givenName(), caller.familyName(),
                caller.organisationId(), now, null, null, List.of(), false, false, null, null, null);
    }

    /**
     * The profile as the practitioner completed it. Their organisation stays as it is: they may only ask to join one
     * (when they have none yet), which an org-admin of that organisation confirms.
     */
    Practitioner complete(ProfileDetails details, Instant now) {
        String request = organisationId != null || organisationId(details.requestedOrganisationId())
                ? null : details.requestedOrganisationId();
        return new Practitioner(id, email, givenName, familyName, organisationId, registeredAt,
                details.jobRole(), details.region(), details.specialisms(), details.newsletterConsent(),
                details.nameOnOutcomesConsent(), now, erasedAt, request);
    }

    /** The person now belongs to the organisation: the identity provider says so, or an org-admin confirmed it. */
    Practitioner inOrganisation(String organisation, Instant now) {
        return new Practitioner(id, email, givenName, familyName, organisation, registeredAt, jobRole, region,
                specialisms, newsletterConsent, nameOnOutcomesConsent, now, erasedAt, null);
    }

    /** An org-admin declined the person's request to join their organisation. */
    Practitioner requestDeclined() {
        return new Practitioner(id, email, givenName, familyName, organisationId, registeredAt, jobRole, region,
                specialisms, newsletterConsent, nameOnOutcomesConsent, profileUpdatedAt, erasedAt, null);
    }

    private boolean organisationId(String organisation) {
        return organisation != null && organisation.equals(organisationId);
    }

    /**
     * The profile with every personal detail removed; the id stays so that counts and aggregates keep counting the
     * person anonymously, and the organisation stays because it is not about the person.
     */
    Practitioner erased(Instant now) {
        return new Practitioner(id, null, ERASED_NAME, null, organisationId, registeredAt, null, null, List.of(),
                false, false, now, now, null);
    }

    /** Whether the person asked for their data to be erased. */
    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * What a practitioner says about themselves when they complete their profile.
     *
     * @param requestedOrganisationId the partner organisation they ask to join, or null
     */
    public record ProfileDetails(String jobRole, String requestedOrganisationId, String region, List<String> specialisms,
            boolean newsletterConsent, boolean nameOnOutcomesConsent) {
    }
}
