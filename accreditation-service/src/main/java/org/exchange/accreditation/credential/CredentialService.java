package org.exchange.accreditation.credential;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.exchange.accreditation.directory.Directory;
import org.exchange.accreditation.enrolment.Enrolment;
import org.exchange.accreditation.enrolment.EnrolmentService;
import org.exchange.accreditation.enrolment.EnrolmentStatus;
import org.exchange.accreditation.programme.Programme;
import org.exchange.accreditation.programme.ProgrammeCatalogue;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates and Open Badges credentials for awards ILM confirmed: issued once per award on first download, signed
 * with the platform's issuer key as a VC-JWT, verifiable by anyone with the published key; revocable.
 */
@Service
@EnableConfigurationProperties(IssuerSettings.class)
public class CredentialService {

    /** The media type of a credential secured as a JWT (VC-JOSE-COSE). */
    public static final String VC_JWT = "application/vc+jwt";

    private final EnrolmentService enrolments;
    private final ProgrammeCatalogue catalogue;
    private final Directory directory;
    private final Credentials credentials;
    private final IssuerKeys keys;
    private final IssuerSettings settings;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    CredentialService(EnrolmentService enrolments, ProgrammeCatalogue catalogue, Directory directory,
            Credentials credentials, IssuerKeys keys, IssuerSettings settings, JsonMapper json, AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.directory = directory;
        this.credentials = credentials;
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The public status of a credential. */
    public record CredentialStatus(UUID credentialId, String status, String holderName, String achievement,
            LocalDate issuedOn, LocalDate revokedOn, String reason, String issuer) {
    }

    /** The award's credential, issued on first request: for its holder and programme admins. */
    @Transactional
    public Credential credential(UUID enrolmentId, Caller caller) {
        Enrolment enrolment = awarded(enrolmentId, caller);
        return credentials.ofEnrolment(enrolmentId).orElseGet(() -> {
            Programme programme = catalogue.version(enrolment.programmeCode(), enrolment.programmeVersion());
            UUID id = UUID.randomUUID();
            Map<String, Object> credential = OpenBadgeCredentials.credential(settings, id, enrolment.candidateId(),
                    programme, enrolment.awardedOn(), enrolment.ilmReference());
            credentials.add(new Credential(id, enrolmentId, directory.displayName(enrolment.candidateId()),
                    programme.title(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), sign(credential), null, null),
                    clock.instant());
            return credentials.ofEnrolment(enrolmentId).orElseThrow();
        });
    }

    /** The credential as JSON, decoded from its signed form, for display. */
    @Transactional
    public Map<String, Object> decoded(UUID enrolmentId, Caller caller) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>(
                    JWSObject.parse(credential(enrolmentId, caller).jwt()).getPayload().toJSONObject());
            List.of("iss", "jti", "sub", "nbf").forEach(claims::remove);
            return claims;
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("A stored credential is not a JWS", e);
        }
    }

    /** The award certificate as a PDF, for its holder and programme admins. */
    @Transactional
    public byte[] certificate(UUID enrolmentId, Caller caller) {
        Credential credential = credential(enrolmentId, caller);
        Enrolment enrolment = enrolments.readable(enrolmentId, caller);
        return CertificatePdf.render(directory.displayName(enrolment.candidateId()), credential.achievement(),
                enrolment.awardedOn(), enrolment.ilmReference(), settings.name(),
                settings.credentialUrl(credential.id()));
    }

    @Transactional(readOnly = true)
    public CredentialStatus status(UUID credentialId) {
        Credential credential = credentials.find(credentialId)
                .orElseThrow(() -> new NotFoundException("There is no credential " + credentialId));
        return new CredentialStatus(credential.id(), credential.revoked() ? "REVOKED" : "VALID",
                credential.holderName(), credential.achievement(), credential.issuedOn(), credential.revokedOn(),
                credential.revokedReason(), settings.name());
    }

    @Transactional
    public CredentialStatus revoke(UUID credentialId, String reason, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Only programme admins revoke credentials");
        }
        Credential credential = credentials.find(credentialId)
                .orElseThrow(() -> new NotFoundException("There is no credential " + credentialId));
        if (credential.revoked()) {
            throw new ConflictException("This credential was revoked on " + credential.revokedOn());
        }
        CredentialStatus before = status(credentialId);
        credentials.revoke(credentialId, LocalDate.now(clock.withZone(ZoneOffset.UTC)), reason.strip());
        CredentialStatus after = status(credentialId);
        Enrolment enrolment = enrolments.readable(credential.enrolmentId(), caller);
        audit.record(caller, "credential.revoked", Subject.ofPerson("credential", credentialId,
                enrolment.candidateId()), enrolment.candidateOrganisationId(), before, after);
        return after;
    }

    /** Erasure: the holder's name goes from their credentials' public status. */
    @Transactional
    public void erase(UUID practitionerId) {
        credentials.forgetHolder(practitionerId);
    }

    /** The issuer Profile, public. */
    public Map<String, Object> issuer() {
        return OpenBadgeCredentials.issuerDocument(settings);
    }

    /** The issuer's public keys, as a JWK set. */
    public Map<String, Object> jwks() {
        return new JWKSet(keys.publicKey()).toJSONObject(true);
    }

    private Enrolment awarded(UUID enrolmentId, Caller caller) {
        Enrolment enrolment = enrolments.readable(enrolmentId, caller);
        if (!enrolment.candidateId().equals(caller.subjectId()) && !caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("The certificate and credential are for their holder and programme admins");
        }
        if (enrolment.status() != EnrolmentStatus.AWARDED) {
            throw new ConflictException("There is a certificate once ILM has confirmed the award");
        }
        return enrolment;
    }

    /** Signs the credential as a VC-JWT: RS256, the credential as payload, iss, jti, sub and nbf mirroring it. */
    private String sign(Map<String, Object> credential) {
        RSAKey key = keys.signingKey();
        Map<String, Object> claims = new LinkedHashMap<>(credential);
        claims.put("iss", settings.issuerId());
        claims.put("jti", credential.get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
        claims.put("sub", subject.get("id"));
        claims.put("nbf", java.time.Instant.parse((String) credential.get("validFrom")).getEpochSecond());
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("vc+jwt")).keyID(key.getKeyID()).build(),
                new Payload(json.writeValueAsString(claims)));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The credential cannot be signed", e);
        }
        return jws.serialize();
    }
}
