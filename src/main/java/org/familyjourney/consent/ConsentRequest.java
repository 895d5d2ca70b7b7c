package org.familyjourney.consent;

/**
 * What the API and the case page send. Recording: scope, sharedWith (optional), givenBy (the parent),
 * givenAt (optional, ISO instant; now when missing). Withdrawing: withdrawnBy, reason. Overriding:
 * scope, sharedWith, reason. All text, so a wrong type is named by field rather than refused as JSON.
 */
public record ConsentRequest(String scope, String sharedWith, String givenBy, String givenAt, String withdrawnBy,
                             String reason) {
}
