package org.familyjourney.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words screening treats as safeguarding indicators, and everyday words it must not. */
class SafeguardingIndicatorsTest {

    @Test
    void namesEachKindOfIndicatorInTheDetails() {
        assertThat(SafeguardingIndicators.inText("Mum disclosed domestic abuse; her ex threatened to kill her."))
                .contains("MENTIONS_DOMESTIC_ABUSE", "MENTIONS_RISK_OF_HARM");
        assertThat(SafeguardingIndicators.inText("Older boys are grooming him for county lines; he carries a knife."))
                .containsExactly("MENTIONS_EXPLOITATION", "MENTIONS_GROOMING", "MENTIONS_WEAPON");
        assertThat(SafeguardingIndicators.inText("He was assaulted on the way home and has gone missing from home twice"))
                .contains("MENTIONS_VIOLENCE", "MENTIONS_MISSING_CHILD");
        assertThat(SafeguardingIndicators.inText("She is self-harming and the house shows signs of neglect."))
                .contains("MENTIONS_SELF_HARM", "MENTIONS_NEGLECT");
    }

    @Test
    void everydayWordsAreNotIndicators() {
        assertThat(SafeguardingIndicators.inText("The family needs stable housing and help with debt; attendance is 82%.")).isEmpty();
        assertThat(SafeguardingIndicators.inText("He loves gunnersbury park and plays the drums with a heartbeat rhythm.")).isEmpty();
        assertThat(SafeguardingIndicators.inText(null)).isEmpty();
    }
}
