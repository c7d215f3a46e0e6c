package org.exchange.exchange.waitlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;

/**
 * Places up to a capacity, first come first served, and beyond it a waitlist in order of arrival. When someone with
 * a place leaves, the first person waiting takes it. Groups and meetings both keep one.
 */
public final class Waitlist {

    /** Whether a person holds a place or waits for one. */
    public enum Place { CONFIRMED, WAITLISTED }

    /** One person on the list. */
    public record Entry(UUID personId, Place place, Instant since) {
    }

    /** How many hold a place, how many wait, and how many places are free: what anyone may see of a list. */
    public record Counts(int confirmed, int waiting, int placesLeft) {

        /** The counts of a list of the given capacity. */
        public static Counts of(int capacity, int confirmed, int waiting) {
            return new Counts(confirmed, waiting, Math.max(0, capacity - confirmed));
        }
    }

    /** What leaving changed: who left, and who took the freed place, if anyone. */
    public record Departure(Entry left, Optional<Entry> promoted) {
    }

    private final int capacity;
    private final List<Entry> entries;

    private Waitlist(int capacity, List<Entry> entries) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.entries = new ArrayList<>(entries);
        this.entries.sort(Comparator.comparing(Entry::since));
    }

    /** The list as it stands: everyone with a place or waiting, in any order. */
    public static Waitlist of(int capacity, List<Entry> entries) {
        return new Waitlist(capacity, entries);
    }

    /** Adds a person: a place while one is free, otherwise the end of the waitlist. */
    public Entry join(UUID personId, Instant now) {
        if (find(personId).isPresent()) {
            throw new ConflictException("Already registered or on the waitlist");
        }
        Entry entry = new Entry(personId, confirmed() < capacity ? Place.CONFIRMED : Place.WAITLISTED, now);
        entries.add(entry);
        return entry;
    }

    /** Removes a person; if they held a place, the first person waiting takes it (from {@code now}). */
    public Departure leave(UUID personId, Instant now) {
        Entry leaving = find(personId)
                .orElseThrow(() -> new ConflictException("Not registered and not on the waitlist"));
        entries.remove(leaving);
        if (leaving.place() == Place.WAITLISTED || confirmed() >= capacity) {
            return new Departure(leaving, Optional.empty());
        }
        Optional<Entry> next = waiting().stream().findFirst();
        next.ifPresent(waiting -> entries.set(entries.indexOf(waiting),
                new Entry(waiting.personId(), Place.CONFIRMED, waiting.since())));
        return new Departure(leaving, next.map(waiting -> new Entry(waiting.personId(), Place.CONFIRMED, now)));
    }

    /** A person's entry, if they are on the list. */
    public Optional<Entry> find(UUID personId) {
        return entries.stream().filter(entry -> entry.personId().equals(personId)).findFirst();
    }

    /** How many hold a place. */
    public int confirmed() {
        return (int) entries.stream().filter(entry -> entry.place() == Place.CONFIRMED).count();
    }

    /** Everyone: those holding a place first, then those waiting, each in order of arrival. */
    public List<Entry> inOrder() {
        List<Entry> ordered = new ArrayList<>(entries.stream().filter(e -> e.place() == Place.CONFIRMED).toList());
        ordered.addAll(waiting());
        return ordered;
    }

    /** Those holding a place, first come first. */
    public List<UUID> confirmedIds() {
        return entries.stream().filter(entry -> entry.place() == Place.CONFIRMED).map(Entry::personId).toList();
    }

    /** Those waiting, first in line first. */
    public List<Entry> waiting() {
        return entries.stream().filter(entry -> entry.place() == Place.WAITLISTED).toList();
    }

    /** Places still free. */
    public int placesLeft() {
        return Math.max(0, capacity - confirmed());
    }
}
