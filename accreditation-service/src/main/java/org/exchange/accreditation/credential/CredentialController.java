package org.exchange.accreditation.credential;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.exchange.accreditation.credential.CredentialService.CredentialStatus;
import org.exchange.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The award's certificate and credential for its holder; the credential status, issuer and keys for anyone. */
@RestController
@RequestMapping("/api/accreditation")
@Tag(name = "Certificates and credentials")
class CredentialController {

    private final CredentialService credentials;

    CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = "/enrolments/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The award certificate as a PDF (the holder, programme admins)")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, Caller caller) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("certificate-" + id + ".pdf").build().toString())
                .body(credentials.certificate(id, caller));
    }

    @GetMapping(path = "/enrolments/{id}/credential", produces = CredentialService.VC_JWT)
    @Operation(summary = "The Open Badges 3.0 credential signed as a VC-JWT (the holder, programme admins)")
    ResponseEntity<String> credential(@PathVariable UUID id, Caller caller) {
        Credential credential = credentials.credential(id, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CredentialService.VC_JWT))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("credential-" + credential.id() + ".jwt").build()
                                .toString())
                .header("X-Credential-Id", credential.id().toString())
                .body(credential.jwt());
    }

    @GetMapping("/enrolments/{id}/credential.json")
    @Operation(summary = "The credential decoded from its signed form, for display (the holder, programme admins)")
    Map<String, Object> decoded(@PathVariable UUID id, Caller caller) {
        return credentials.decoded(id, caller);
    }

    @GetMapping("/credentials/{credentialId}")
    @Operation(summary = "A credential's status: VALID or REVOKED (public)")
    CredentialStatus status(@PathVariable UUID credentialId) {
        return credentials.status(credentialId);
    }

    @PostMapping("/admin/credentials/{credentialId}/revoke")
    @Operation(summary = "Revoke a credential, with a reason (programme-admin)")
    CredentialStatus revoke(@PathVariable UUID credentialId, @Valid @RequestBody Revocation body, Caller caller) {
        return credentials.revoke(credentialId, body.reason(), caller);
    }

    @GetMapping("/issuer")
    @Operation(summary = "The issuer's Open Badges Profile (public)")
    Map<String, Object> issuer() {
        return credentials.issuer();
    }

    @GetMapping("/issuer/jwks.json")
    @Operation(summary = "The issuer's public keys as a JWK set, to verify credentials (public)")
    Map<String, Object> jwks() {
        return credentials.jwks();
    }

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }
}
