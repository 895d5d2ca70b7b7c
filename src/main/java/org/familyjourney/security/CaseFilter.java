package org.familyjourney.security;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A condition from {@link RecordAccess} on whatever column or expression holds a case reference, with
 * the named parameters it uses: how a query shared by several views (the funder report, the team
 * dashboard) is narrowed to what the person may see, without copying the query.
 */
public record CaseFilter(UnaryOperator<String> condition, Map<String, Object> values) {

    /** Every case: the funder report counts the whole service. */
    public static CaseFilter everyCase() {
        return new CaseFilter(reference -> "TRUE", Map.of());
    }

    /** The condition on the reference in this column (or scalar subquery; NULL for a referral not yet a case). */
    public String on(String reference) {
        return "(" + condition.apply(reference) + ")";
    }

    /** A fresh parameter source with the filter's values, for the caller to add its own. */
    public MapSqlParameterSource params() {
        return new MapSqlParameterSource(values);
    }
}
