package org.familyjourney.casework;

/**
 * A card of the case page filled by the feature that owns its records (1:1 sessions, safeguarding
 * concerns, school meetings, onward referrals), so casework shows them without depending on those
 * features. The case page has already checked that the person may read the case and logged the view.
 */
public interface CaseCard {

    /** The card's name: its key in {@link CaseFile.View#cards()}, as cases/show.html reads it. */
    String name();

    /** What the card shows for one case, read in at most one query. */
    Object contentFor(String caseReference);
}
