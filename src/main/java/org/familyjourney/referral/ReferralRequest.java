package org.familyjourney.referral;

import java.util.List;

/**
 * A referral as a partner, the API or staff send it. Everything arrives as text so that every
 * problem can be named at once by {@link ReferralValidator}, rather than the first bad value
 * stopping the parse.
 */
public record ReferralRequest(String source, Person referrer, Parent parent, List<ChildRequest> children,
                              List<String> concerns, String details, ConsentRequest consent) {

    public record Person(String name, String organisation, String email, String phone) {
    }

    public record Parent(String name, String phone, String email, String address, String postcode) {
    }

    public record ChildRequest(String name, String dateOfBirth, String school) {
    }

    public record ConsentRequest(Boolean given, String by, String at) {
    }
}
