package org.familyjourney.signposting;

/** The kinds of service a family is signposted to; reports count onward referrals by these. */
public enum OnwardService {
    COUNSELLING("counselling"),
    DEBT_ADVICE("debt advice"),
    HOUSING("housing"),
    YOUTH_MENTORING("youth mentoring"),
    PARENTING_PROGRAMME("parenting programme"),
    PEER_SUPPORT("peer support"),
    MENTAL_HEALTH("mental health"),
    DOMESTIC_ABUSE_SERVICE("domestic abuse support"),
    OTHER("support");

    private final String label;

    OnwardService(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
