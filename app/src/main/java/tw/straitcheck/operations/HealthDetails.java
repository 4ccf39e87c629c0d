package tw.straitcheck.operations;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import tw.straitcheck.account.Role;

/**
 * {@code /health}: its status (UP, or DOWN when the database or any other indicator is down) for
 * anyone, so that a load balancer needs no account; the indicators' details (the database's
 * product and version, disk space, each indicator by name) only for a system administrator,
 * since they tell an attacker what runs here. Every {@link HealthIndicator} bean is part of it:
 * a feature adds its own indicator as a bean and nothing here changes.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = false)
@Replaces(HealthEndpoint.class)
class HealthDetails extends HealthEndpoint {

    HealthDetails(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
            @Liveness HealthIndicator[] livenessIndicators) {
        super(aggregator, indicators, livenessIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication a && a.getRoles().contains(Role.Names.SYSTEM_ADMIN)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
