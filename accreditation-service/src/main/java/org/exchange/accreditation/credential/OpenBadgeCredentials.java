package org.exchange.accreditation.credential;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.accreditation.programme.Programme;
import org.exchange.accreditation.requirement.Requirement;

/**
 * Writes an award as an Open Badges 3.0 {@code OpenBadgeCredential} (W3C Verifiable Credentials data model 2.0, the
 * 1EdTech OB 3.0 context): the issuer Profile, the achievement with its criteria and its alignment to the
 * Professional Standards it evidences, and the holder as an AchievementSubject.
 */
final class OpenBadgeCredentials {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgeCredentials() {
    }

    /** The issuer Profile, as the public issuer endpoint shows it and credentials embed it. */
    static Map<String, Object> issuer(IssuerSettings settings) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", settings.issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", settings.name());
        issuer.put("url", settings.publicBaseUrl());
        return issuer;
    }

    /** The issuer Profile as a document of its own, with its contexts. */
    static Map<String, Object> issuerDocument(IssuerSettings settings) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        document.putAll(issuer(settings));
        return document;
    }

    static Map<String, Object> credential(IssuerSettings settings, UUID credentialId, UUID holderId,
            Programme programme, LocalDate awardedOn, String ilmReference) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", settings.credentialUrl(credentialId));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", programme.title());
        credential.put("description", "Awarded by ILM, the Institute of Leadership, on " + awardedOn
                + " (ILM reference " + ilmReference + ").");
        credential.put("issuer", issuer(settings));
        credential.put("validFrom", validFrom(awardedOn));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:uuid:" + holderId);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("achievement", achievement(settings, programme));
        credential.put("credentialSubject", subject);
        return credential;
    }

    static String validFrom(LocalDate awardedOn) {
        return DateTimeFormatter.ISO_INSTANT.format(awardedOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Map<String, Object> achievement(IssuerSettings settings, Programme programme) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", settings.publicBaseUrl() + "/api/accreditation/programmes/" + programme.code()
                + "#requirement-version-" + programme.version());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Award");
        achievement.put("name", programme.title());
        achievement.put("description", programme.description());
        StringBuilder narrative = new StringBuilder("Requirement version " + programme.version() + ":\n");
        for (Requirement requirement : programme.requirements()) {
            narrative.append("- ").append(requirement.label()).append('\n');
        }
        achievement.put("criteria", Map.of("narrative", narrative.toString().strip()));
        if (programme.framework() != null) {
            achievement.put("alignment", programme.standards().stream().map(standard -> {
                Map<String, Object> alignment = new LinkedHashMap<>();
                alignment.put("type", List.of("Alignment"));
                alignment.put("targetName", standard.name());
                alignment.put("targetUrl", programme.framework().url());
                alignment.put("targetCode", standard.code());
                alignment.put("targetFramework", programme.framework().name());
                return alignment;
            }).toList());
        }
        return achievement;
    }
}
