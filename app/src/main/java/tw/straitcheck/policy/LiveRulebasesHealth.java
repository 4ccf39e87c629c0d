package tw.straitcheck.policy;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import tw.straitcheck.system.TaipeiClock;

/**
 * The rulebase in {@code /health}: the versions this instance checks with and, when a published
 * version failed to build here, that version and why, with the status DOWN: the instance is still
 * checking, but with the version it had, not the one policy staff published.
 */
@Singleton
class LiveRulebasesHealth implements HealthIndicator {

    private final LiveRulebases live;
    private final PublishedListener listener;

    LiveRulebasesHealth(LiveRulebases live, PublishedListener listener) {
        this.live = live;
        this.listener = listener;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("live", live.live().stream()
                .map(v -> v.version() + (v.effectiveFrom() == null ? "" : " from " + v.effectiveFrom()))
                .toList());
        details.put("listening", listener.listening());
        HealthStatus status = HealthStatus.UP;
        if (live.failure().isPresent()) {
            LiveRulebases.Failure failure = live.failure().get();
            details.put("failedVersion", failure.version());
            details.put("failure", failure.message());
            details.put("failedAt", TaipeiClock.at(failure.at()).toString());
            status = HealthStatus.DOWN;
        }
        return Publishers.just(HealthResult.builder("rulebase", status).details(details).build());
    }
}
