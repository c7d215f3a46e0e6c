package org.exchange.membership.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.privacy.PrivacyService.DataExport;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's GDPR rights: a download of their data, and erasure. */
@RestController
@RequestMapping("/api/membership/me")
@Tag(name = "Your data")
class PrivacyController {

    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Download everything membership-service holds about the caller, as JSON")
    ResponseEntity<DataExport> export(Caller caller) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"exchange-membership-data-" + caller.subjectId() + ".json\"")
                .body(privacy.export(caller));
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase the caller's personal data here and in every other context")
    ErasureView erase(Caller caller) {
        Practitioner erased = privacy.erase(caller);
        return new ErasureView(erased.id().toString(), erased.erasedAt().toString());
    }

    /** When the erasure happened. */
    record ErasureView(String practitionerId, String erasedAt) {
    }
}
