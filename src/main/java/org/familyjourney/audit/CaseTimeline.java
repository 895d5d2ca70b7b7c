package org.familyjourney.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseFile;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's whole history for an auditor: every journey entry and every view of the record from the
 * access log, in one chronological list, filtered by group. Looking at it is itself logged first,
 * so the list an auditor reads already shows their own visit.
 */
@Service
public class CaseTimeline {

    public record Entry(String source, long id, Instant at, TimelineGroup group, String kind, String step, String stepName,
                        String actor, String summary, String details) {
    }

    public record Timeline(FamilyCase familyCase, List<Entry> entries, Map<TimelineGroup, Integer> counts,
                           Set<TimelineGroup> shown, int total) {
    }

    static final String JOURNEY = "journey";
    static final String ACCESS = "access";

    private final CaseFile caseFile;
    private final JourneyLog journey;
    private final CaseAccess access;
    private final StepNames names;

    CaseTimeline(CaseFile caseFile, JourneyLog journey, CaseAccess access, StepNames names) {
        this.caseFile = caseFile;
        this.journey = journey;
        this.access = access;
        this.names = names;
    }

    /** The timeline, filtered to the groups asked for (none asked: all of them). */
    @Transactional
    public Timeline of(String reference, Set<TimelineGroup> groups, StaffMember who) {
        FamilyCase familyCase = caseFile.readable(reference, who, "audit timeline");
        Map<String, String> stepNames = names.of(reference);
        List<Entry> all = new ArrayList<>();
        for (JourneyLog.JourneyEntry e : journey.of(reference)) {
            all.add(new Entry(JOURNEY, e.id(), e.occurredAt(), TimelineGroup.of(e.kind()), e.kind().name(), e.step(),
                    e.step() == null ? null : stepNames.getOrDefault(e.step(), e.step()), e.actor(), e.summary(), e.details()));
        }
        for (CaseAccess.Access a : access.of(reference)) {
            all.add(new Entry(ACCESS, a.id(), a.accessedAt(), TimelineGroup.ACCESS, "VIEWED", null, null, a.username(),
                    "Viewed: " + a.what(), null));
        }
        // Same instant: the change before the look at it.
        all.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.source().equals(ACCESS)).thenComparingLong(Entry::id));
        Map<TimelineGroup, Integer> counts = new EnumMap<>(TimelineGroup.class);
        for (TimelineGroup group : TimelineGroup.values()) {
            counts.put(group, 0);
        }
        all.forEach(e -> counts.merge(e.group(), 1, Integer::sum));
        Set<TimelineGroup> shown = groups.isEmpty() ? Set.of(TimelineGroup.values()) : groups;
        List<Entry> entries = all.stream().filter(e -> shown.contains(e.group())).toList();
        return new Timeline(familyCase, entries, counts, shown, all.size());
    }
}
