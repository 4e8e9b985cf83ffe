package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.quay.QuayResponseClassifier.OrganizationAccess;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Bean {@code quayOrganizationLookup}: the enrich strategy that asks {@code quay-get-organization} on a copy of the
 * exchange and keeps only its verdict on the original call, whose answer it explains.
 */
public class QuayOrganizationLookup implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange original, Exchange lookup) {
        QuayCall.of(original).attempt().organizationAccess = access(lookup);
        return original;
    }

    static OrganizationAccess access(Exchange lookup) {
        Exception failure = lookup.getException();
        if (failure instanceof QuayNotFoundException notFound
                && notFound.missing() == QuayNotFoundException.Missing.ORGANIZATION) {
            return OrganizationAccess.MISSING;
        }
        if (failure != null || !(lookup.getMessage().getBody() instanceof Map<?, ?> organization)) {
            return OrganizationAccess.UNKNOWN;
        }
        if (Boolean.TRUE.equals(organization.get("is_admin"))) {
            return OrganizationAccess.ADMIN;
        }
        return Boolean.TRUE.equals(organization.get("is_member")) ? OrganizationAccess.MEMBER : OrganizationAccess.NOT_MEMBER;
    }
}
