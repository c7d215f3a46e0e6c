package org.exchange.membership.appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's org-admins, named and withdrawn by programme admins and by the organisation's own org-admins. */
@RestController
@RequestMapping("/api/membership/organisations/{organisationId}")
@Tag(name = "Organisation admins")
class OrgAdminController {

    private final OrgAdminService orgAdmins;

    OrgAdminController(OrgAdminService orgAdmins) {
        this.orgAdmins = orgAdmins;
    }

    @GetMapping("/admins")
    @Operation(summary = "The organisation's org-admins, and those named by e-mail who have not signed in yet "
            + "(programme-admin or its org-admin)")
    OrgAdminsView admins(Caller caller, @PathVariable String organisationId) {
        var of = orgAdmins.of(caller, organisationId);
        return new OrgAdminsView(of.admins().stream().map(AdminView::of).toList(),
                of.waiting().stream().map(WaitingView::of).toList());
    }

    @PostMapping("/admins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Name an org-admin of the organisation (programme-admin or its org-admin): a member of its "
            + "staff by practitioner id, or by work e-mail (appointed at once if they are its staff, otherwise when "
            + "they first sign in with it); the realm role follows once recorded. 409 for someone of another "
            + "organisation")
    NamedView name(Caller caller, @PathVariable String organisationId, @Valid @RequestBody NameRequest request) {
        var named = orgAdmins.name(caller, organisationId, request.practitionerId(), request.email());
        return named.admin() != null ? new NamedView("APPOINTED", AdminView.of(named.admin()), null)
                : new NamedView("WAITING", null, WaitingView.of(named.nomination()));
    }

    @DeleteMapping("/admins/{practitionerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an org-admin of the organisation (programme-admin or its org-admin); the realm "
            + "role is revoked once recorded")
    void withdraw(Caller caller, @PathVariable String organisationId, @PathVariable UUID practitionerId) {
        orgAdmins.withdraw(caller, organisationId, practitionerId);
    }

    @DeleteMapping("/admin-nominations/{nominationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an org-admin named by e-mail who has not signed in yet (programme-admin or its "
            + "org-admin)")
    void withdrawNomination(Caller caller, @PathVariable String organisationId, @PathVariable UUID nominationId) {
        orgAdmins.withdrawNomination(caller, organisationId, nominationId);
    }

    /** Whom to name: a member of the organisation's staff, or a work e-mail address. */
    record NameRequest(UUID practitionerId, @Size(max = 320) String email) {
    }

    /** The org-admins now and those waiting for their first sign-in. */
    record OrgAdminsView(List<AdminView> admins, List<WaitingView> waiting) {
    }

    /** A current org-admin. */
    record AdminView(UUID practitionerId, String givenName, String familyName, String email, UUID appointedBy,
            Instant appointedAt) {
        static AdminView of(OrgAdminService.OrgAdmin admin) {
            return new AdminView(admin.person().id(), admin.person().givenName(), admin.person().familyName(),
                    admin.person().email(), admin.appointment().appointedBy(), admin.appointment().appointedAt());
        }
    }

    /** An org-admin named by e-mail, waiting for their first sign-in. */
    record WaitingView(UUID nominationId, String email, UUID namedBy, Instant namedAt) {
        static WaitingView of(OrgAdminNomination nomination) {
            return new WaitingView(nomination.id(), nomination.email(), nomination.namedBy(), nomination.namedAt());
        }
    }

    /** What naming did: {@code APPOINTED} (with the admin) or {@code WAITING} (for their first sign-in). */
    record NamedView(String status, AdminView admin, WaitingView waiting) {
    }
}
