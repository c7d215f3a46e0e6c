package org.exchange.membership.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.membership.MouSigned;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.VenueOffered;
import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.MemorandumOfUnderstanding.Terms;
import org.exchange.membership.organisation.Organisation.Contact;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of partner organisations: registration, MoUs, venues and contributions. */
@Service
public class OrganisationService {

    private final Organisations organisations;
    private final Memoranda memoranda;
    private final SupportOffered support;
    private final IntegrationEvents events;
    private final Clock clock;

    OrganisationService(Organisations organisations, Memoranda memoranda, SupportOffered support,
            IntegrationEvents events, Clock clock) {
        this.organisations = organisations;
        this.memoranda = memoranda;
        this.support = support;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the platform knows a partner organisation by this id. */
    @Transactional(readOnly = true)
    public boolean exists(String organisationId) {
        return organisations.exists(organisationId);
    }

    /** An organisation's name, which anyone signed in may see beside the people of that organisation. */
    @Transactional(readOnly = true)
    public Optional<String> nameOf(String organisationId) {
        return organisationId == null ? Optional.empty() : organisations.find(organisationId).map(Organisation::name);
    }

    /** Every partner organisation, without contacts. */
    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return organisations.all();
    }

    /** The organisation whose staff sign in through the identity provider with this alias in the realm. */
    @Transactional(readOnly = true)
    public Organisation withIdentityProvider(String alias) {
        return organisations.withIdentityProvider(alias).orElseThrow(
                () -> new NotFoundException("No organisation signs in through identity provider " + alias));
    }

    /** Everything about one organisation, for a programme admin or its own org-admin. */
    @Transactional(readOnly = true)
    public OrganisationProfile profile(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        return new OrganisationProfile(existing(organisationId), memoranda.of(organisationId),
                support.venuesOf(organisationId), support.contributionsOf(organisationId));
    }

    /** A programme admin registers a partner organisation; {@link OrganisationRegistered} tells the other contexts. */
    @Transactional
    public Organisation register(Caller caller, Organisation details) {
        Access.requireProgrammeAdmin(caller);
        if (organisations.exists(details.id())) {
            throw new ConflictException("An organisation with id " + details.id() + " exists already");
        }
        Organisation organisation = new Organisation(details.id(), details.name(), details.type(), details.region(),
                details.identityProviderAlias(), details.contacts(), clock.instant());
        organisations.add(organisation);
        announce(organisation);
        return organisation;
    }

    /** A programme admin changes an organisation's public details, which are announced again. */
    @Transactional
    public Organisation changeDetails(Caller caller, String organisationId, String name, OrganisationType type,
            String region, String identityProviderAlias) {
        Access.requireProgrammeAdmin(caller);
        Organisation current = existing(organisationId);
        Organisation changed = new Organisation(organisationId, name, type, region, identityProviderAlias,
                current.contacts(), current.registeredAt());
        organisations.update(changed);
        announce(changed);
        return changed;
    }

    /** The organisation's contacts, replaced by its own org-admin or a programme admin. */
    @Transactional
    public Organisation replaceContacts(Caller caller, String organisationId, List<Contact> contacts) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        organisations.replaceContacts(organisationId, contacts);
        return existing(organisationId);
    }

    /**
     * Publishes {@link OrganisationRegistered} for every organisation whose details have not been announced, such as
     * the ones seeded by a migration. Idempotent: an announced organisation is not announced again.
     *
     * @return how many were announced
     */
    @Transactional
    public int announcePending() {
        List<Organisation> pending = organisations.unannouncedForUpdate();
        pending.forEach(this::announce);
        return pending.size();
    }

    @Transactional
    public MemorandumOfUnderstanding draftMemorandum(Caller caller, String organisationId, Terms terms) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        MemorandumOfUnderstanding draft = MemorandumOfUnderstanding.draft(UUID.randomUUID(), organisationId, terms,
                clock.instant());
        memoranda.save(draft);
        return draft;
    }

    @Transactional
    public MemorandumOfUnderstanding reviseMemorandum(Caller caller, String organisationId, UUID mouId, Terms terms) {
        Access.requireManages(caller, organisationId);
        MemorandumOfUnderstanding revised = memorandum(organisationId, mouId).revise(terms);
        memoranda.save(revised);
        return revised;
    }

    /** The organisation signs its memorandum; {@link MouSigned} records it. */
    @Transactional
    public MemorandumOfUnderstanding signMemorandum(Caller caller, String organisationId, UUID mouId,
            String signatoryName, String signatoryRole, LocalDate signedOn) {
        Access.requireManages(caller, organisationId);
        MemorandumOfUnderstanding signed = memorandum(organisationId, mouId).sign(signatoryName, signatoryRole,
                signedOn);
        memoranda.save(signed);
        events.publish(organisationId, new MouSigned(signed.id(), organisationId, signed.signatoryName(),
                signed.signatoryRole(), signed.signedOn(), signed.startsOn(), signed.endsOn(),
                signed.organisationCommitments(), signed.programmeCommitments(), clock.instant()));
        return signed;
    }

    /** A programme admin ends a signed memorandum before its end date. */
    @Transactional
    public MemorandumOfUnderstanding expireMemorandum(Caller caller, String organisationId, UUID mouId) {
        Access.requireProgrammeAdmin(caller);
        MemorandumOfUnderstanding expired = memorandum(organisationId, mouId).expire();
        memoranda.save(expired);
        return expired;
    }

    /**
     * Expires the signed memoranda whose last day has passed.
     *
     * @return how many expired
     */
    @Transactional
    public int expireEndedMemoranda() {
        LocalDate today = LocalDate.now(clock);
        List<MemorandumOfUnderstanding> ended = memoranda.signedEndingBefore(today);
        ended.forEach(mou -> memoranda.save(mou.expire()));
        return ended.size();
    }

    /** The organisation offers a venue, or changes one it offers; {@link VenueOffered} tells exchange-service. */
    @Transactional
    public Venue offerVenue(Caller caller, String organisationId, UUID venueId, VenueDetails details) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        if (venueId != null) {
            venue(organisationId, venueId);
        }
        Venue venue = new Venue(venueId == null ? UUID.randomUUID() : venueId, organisationId, details.name(),
                details.address(), details.postcode(), details.latitude(), details.longitude(), details.capacity(),
                details.accessibility(), false, clock.instant());
        return saveAndAnnounce(venue);
    }

    /** The organisation no longer offers a venue. */
    @Transactional
    public Venue withdrawVenue(Caller caller, String organisationId, UUID venueId) {
        Access.requireManages(caller, organisationId);
        Venue current = venue(organisationId, venueId);
        if (current.withdrawn()) {
            return current;
        }
        return saveAndAnnounce(new Venue(current.id(), organisationId, current.name(), current.address(),
                current.postcode(), current.latitude(), current.longitude(), current.capacity(),
                current.accessibility(), true, clock.instant()));
    }

    @Transactional
    public FinancialContribution pledgeContribution(Caller caller, String organisationId, BigDecimal amount,
            String currency, String purpose, LocalDate pledgedOn) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        FinancialContribution contribution = new FinancialContribution(UUID.randomUUID(), organisationId, amount,
                currency, purpose, pledgedOn, clock.instant());
        support.add(contribution);
        return contribution;
    }

    private Venue saveAndAnnounce(Venue venue) {
        support.save(venue);
        events.publish(venue.id(), new VenueOffered(venue.id(), venue.organisationId(), venue.name(),
                venue.address(), venue.postcode(), venue.latitude(), venue.longitude(), venue.capacity(),
                venue.accessibility(), venue.withdrawn(), venue.offeredAt()));
        return venue;
    }

    private void announce(Organisation organisation) {
        events.publish(organisation.id(), new OrganisationRegistered(organisation.id(), organisation.name(),
                organisation.type().name(), organisation.region(), organisation.identityProviderAlias(),
                clock.instant()));
        organisations.markAnnounced(organisation.id());
    }

    private Organisation existing(String organisationId) {
        return organisations.find(organisationId)
                .orElseThrow(() -> new NotFoundException("There is no organisation " + organisationId));
    }

    private MemorandumOfUnderstanding memorandum(String organisationId, UUID mouId) {
        return memoranda.find(organisationId, mouId)
                .orElseThrow(() -> new NotFoundException("There is no memorandum " + mouId + " of " + organisationId));
    }

    private Venue venue(String organisationId, UUID venueId) {
        return support.venue(organisationId, venueId)
                .orElseThrow(() -> new NotFoundException("There is no venue " + venueId + " of " + organisationId));
    }

    /** Everything the platform holds about a partner organisation. */
    public record OrganisationProfile(Organisation organisation, List<MemorandumOfUnderstanding> memoranda,
            List<Venue> venues, List<FinancialContribution> contributions) {
    }

    /** A venue as the organisation describes it. */
    public record VenueDetails(String name, String address, String postcode, Double latitude, Double longitude,
            int capacity, String accessibility) {
    }
}
