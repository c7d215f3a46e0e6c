package org.exchange.membership.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.membership.MouSigned;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.VenueOffered;
import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.MemorandumOfUnderstanding.Terms;
import org.exchange.membership.organisation.Organisation.Contact;
import org.exchange.membership.versioning.ExpectedVersion;
import org.exchange.membership.versioning.Versioned;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
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
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationService(Organisations organisations, Memoranda memoranda, SupportOffered support,
            IntegrationEvents events, AuditTrail audit, Clock clock) {
        this.audit = audit;
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
                details.identityProviderAlias(), details.contacts(), clock.instant(), 1, 1);
        organisations.add(organisation);
        announce(organisation);
        audit.record(caller, "organisation.registered", subject(organisation), organisation.id(), null, organisation);
        return organisation;
    }

    /** A programme admin changes an organisation's public details, which are announced again. */
    @Transactional
    public Organisation changeDetails(Caller caller, String organisationId, ExpectedVersion expected, String name,
            OrganisationType type, String region, String identityProviderAlias) {
        Access.requireProgrammeAdmin(caller);
        Organisation current = existing(organisationId);
        expected.check(current.version(), "this organisation's details");
        organisations.update(new Organisation(organisationId, name, type, region, identityProviderAlias,
                current.contacts(), current.registeredAt(), current.version(), current.contactsVersion()));
        Organisation changed = existing(organisationId);
        announce(changed);
        audit.record(caller, "organisation.details-changed", subject(changed), organisationId, current, changed);
        return changed;
    }

    /**
     * Within the onboarding of a partner's sign-in: the organisation's staff sign in through the identity provider
     * with this alias from now on; its details are announced again with it.
     */
    @Transactional
    public Organisation signsInThrough(String organisationId, String identityProviderAlias) {
        Organisation current = existing(organisationId);
        organisations.update(new Organisation(organisationId, current.name(), current.type(), current.region(),
                identityProviderAlias, current.contacts(), current.registeredAt(), current.version(),
                current.contactsVersion()));
        Organisation changed = existing(organisationId);
        announce(changed);
        return changed;
    }

    /** Whether an organisation other than this one signs in through the identity provider with this alias. */
    @Transactional(readOnly = true)
    public boolean aliasUsedByAnother(String organisationId, String identityProviderAlias) {
        return organisations.withIdentityProvider(identityProviderAlias)
                .filter(organisation -> !organisation.id().equals(organisationId)).isPresent();
    }

    /** The organisation's contacts with the version they are at. */
    @Transactional(readOnly = true)
    public ContactList contacts(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        Organisation organisation = existing(organisationId);
        return new ContactList(organisation.contacts(), organisation.contactsVersion());
    }

    /** The organisation's contacts, replaced by its own org-admin or a programme admin. */
    @Transactional
    public ContactList replaceContacts(Caller caller, String organisationId, ExpectedVersion expected,
            List<Contact> contacts) {
        Access.requireManages(caller, organisationId);
        Organisation current = existing(organisationId);
        long read = current.contactsVersion();
        expected.check(read, "this organisation's contacts");
        organisations.replaceContacts(organisationId, contacts, read);
        ContactList replaced = contacts(caller, organisationId);
        audit.record(caller, "organisation.contacts-replaced", subject(current), organisationId,
                Map.of("contacts", current.contacts()), Map.of("contacts", replaced.contacts()));
        return replaced;
    }

    /**
     * Publishes {@link OrganisationRegistered} for every organisation whose details have not been announced, and
     * {@link VenueOffered} for every venue, such as the ones seeded by a migration. Idempotent: what was announced is
     * not announced again.
     *
     * @return how many organisations and venues were announced
     */
    @Transactional
    public int announcePending() {
        List<Organisation> pending = organisations.unannouncedForUpdate();
        pending.forEach(this::announce);
        List<Venue> venues = support.unannouncedVenuesForUpdate();
        for (Venue venue : venues) {
            announce(venue);
            support.markAnnounced(venue);
        }
        return pending.size() + venues.size();
    }

    @Transactional
    public MemorandumOfUnderstanding draftMemorandum(Caller caller, String organisationId, Terms terms) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        MemorandumOfUnderstanding draft = memoranda.save(MemorandumOfUnderstanding.draft(UUID.randomUUID(),
                organisationId, terms, clock.instant()));
        audit.record(caller, "memorandum.drafted", subject(draft), organisationId, null, draft);
        return draft;
    }

    /** One memorandum of the organisation, with the version it is at. */
    @Transactional(readOnly = true)
    public MemorandumOfUnderstanding memorandum(Caller caller, String organisationId, UUID mouId) {
        Access.requireManages(caller, organisationId);
        return memorandum(organisationId, mouId);
    }

    @Transactional
    public MemorandumOfUnderstanding reviseMemorandum(Caller caller, String organisationId, UUID mouId,
            ExpectedVersion expected, Terms terms) {
        Access.requireManages(caller, organisationId);
        MemorandumOfUnderstanding current = current(organisationId, mouId, expected);
        MemorandumOfUnderstanding revised = memoranda.save(current.revise(terms));
        audit.record(caller, "memorandum.revised", subject(revised), organisationId, current, revised);
        return revised;
    }

    /** The organisation signs its memorandum; {@link MouSigned} records it. */
    @Transactional
    public MemorandumOfUnderstanding signMemorandum(Caller caller, String organisationId, UUID mouId,
            ExpectedVersion expected, String signatoryName, String signatoryRole, LocalDate signedOn) {
        Access.requireManages(caller, organisationId);
        MemorandumOfUnderstanding current = current(organisationId, mouId, expected);
        MemorandumOfUnderstanding signed = memoranda.save(current.sign(signatoryName, signatoryRole, signedOn));
        audit.record(caller, "memorandum.signed", subject(signed), organisationId, current, signed);
        events.publish(organisationId, new MouSigned(signed.id(), organisationId, signed.signatoryName(),
                signed.signatoryRole(), signed.signedOn(), signed.startsOn(), signed.endsOn(),
                signed.organisationCommitments(), signed.programmeCommitments(), clock.instant()));
        return signed;
    }

    /** A programme admin ends a signed memorandum before its end date. */
    @Transactional
    public MemorandumOfUnderstanding expireMemorandum(Caller caller, String organisationId, UUID mouId,
            ExpectedVersion expected) {
        Access.requireProgrammeAdmin(caller);
        MemorandumOfUnderstanding current = current(organisationId, mouId, expected);
        MemorandumOfUnderstanding expired = memoranda.save(current.expire());
        audit.record(caller, "memorandum.expired", subject(expired), organisationId, current, expired);
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
        ended.forEach(mou -> audit.record(null, "memorandum.expired", subject(mou), mou.organisationId(), mou,
                memoranda.save(mou.expire())));
        return ended.size();
    }

    /** The organisation offers a venue, or changes one it offers; {@link VenueOffered} tells exchange-service. */
    @Transactional
    public Venue offerVenue(Caller caller, String organisationId, VenueDetails details) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        Venue offered = saveAndAnnounce(new Venue(UUID.randomUUID(), organisationId, details.name(),
                details.address(), details.postcode(), details.latitude(), details.longitude(), details.capacity(),
                details.accessibility(), false, clock.instant(), 0));
        audit.record(caller, "venue.offered", subject(offered), organisationId, null, offered);
        return offered;
    }

    /** One venue of the organisation, with the version it is at. */
    @Transactional(readOnly = true)
    public Venue venue(Caller caller, String organisationId, UUID venueId) {
        Access.requireManages(caller, organisationId);
        return venue(organisationId, venueId);
    }

    /** The organisation changes a venue it offers (offering it again if it was withdrawn). */
    @Transactional
    public Venue changeVenue(Caller caller, String organisationId, UUID venueId, ExpectedVersion expected,
            VenueDetails details) {
        Access.requireManages(caller, organisationId);
        Venue current = venue(organisationId, venueId);
        expected.check(current.version(), "this venue");
        Venue changed = saveAndAnnounce(new Venue(venueId, organisationId, details.name(), details.address(),
                details.postcode(), details.latitude(), details.longitude(), details.capacity(),
                details.accessibility(), false, clock.instant(), current.version()));
        audit.record(caller, "venue.changed", subject(changed), organisationId, current, changed);
        return changed;
    }

    /** The organisation no longer offers a venue. */
    @Transactional
    public Venue withdrawVenue(Caller caller, String organisationId, UUID venueId, ExpectedVersion expected) {
        Access.requireManages(caller, organisationId);
        Venue current = venue(organisationId, venueId);
        expected.check(current.version(), "this venue");
        if (current.withdrawn()) {
            return current;
        }
        Venue withdrawn = saveAndAnnounce(new Venue(current.id(), organisationId, current.name(), current.address(),
                current.postcode(), current.latitude(), current.longitude(), current.capacity(),
                current.accessibility(), true, clock.instant(), current.version()));
        audit.record(caller, "venue.withdrawn", subject(withdrawn), organisationId, current, withdrawn);
        return withdrawn;
    }

    @Transactional
    public FinancialContribution pledgeContribution(Caller caller, String organisationId, BigDecimal amount,
            String currency, String purpose, LocalDate pledgedOn) {
        Access.requireManages(caller, organisationId);
        existing(organisationId);
        FinancialContribution contribution = new FinancialContribution(UUID.randomUUID(), organisationId, amount,
                currency, purpose, pledgedOn, clock.instant());
        support.add(contribution);
        audit.record(caller, "contribution.pledged", Subject.of("contribution", contribution.id()), organisationId,
                null, contribution);
        return contribution;
    }

    private static Subject subject(Organisation organisation) {
        return Subject.of("organisation", organisation.id());
    }

    private static Subject subject(MemorandumOfUnderstanding memorandum) {
        return Subject.of("memorandum", memorandum.id());
    }

    private static Subject subject(Venue venue) {
        return Subject.of("venue", venue.id());
    }

    private Venue saveAndAnnounce(Venue venue) {
        Venue saved = support.save(venue);
        announce(saved);
        return saved;
    }

    private void announce(Venue venue) {
        events.publish(venue.id(), new VenueOffered(venue.id(), venue.organisationId(), venue.name(),
                venue.address(), venue.postcode(), venue.latitude(), venue.longitude(), venue.capacity(),
                venue.accessibility(), venue.withdrawn(), venue.offeredAt()));
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

    private MemorandumOfUnderstanding current(String organisationId, UUID mouId, ExpectedVersion expected) {
        MemorandumOfUnderstanding current = memorandum(organisationId, mouId);
        expected.check(current.version(), "this memorandum");
        return current;
    }

    private Venue venue(String organisationId, UUID venueId) {
        return support.venue(organisationId, venueId)
                .orElseThrow(() -> new NotFoundException("There is no venue " + venueId + " of " + organisationId));
    }

    /** Everything the platform holds about a partner organisation. */
    public record OrganisationProfile(Organisation organisation, List<MemorandumOfUnderstanding> memoranda,
            List<Venue> venues, List<FinancialContribution> contributions) {
    }

    /** An organisation's contacts, replaced as one list, with the version the list is at. */
    public record ContactList(List<Contact> contacts, long version) implements Versioned {
    }

    /** A venue as the organisation describes it. */
    public record VenueDetails(String name, String address, String postcode, Double latitude, Double longitude,
            int capacity, String accessibility) {
    }
}
