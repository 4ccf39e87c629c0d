package tw.straitcheck.rulebook;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.straitcheck.checking.Rulebase;

/** A trivial JSON endpoint: liveness, and the baseline the load test compares the check against. */
@Tag(name = "rulebook")
@Controller("/api/ping")
@Secured(SecurityRule.IS_ANONYMOUS)
class PingController {

    private final String version;

    PingController(Rulebase rulebase) {
        this.version = rulebase.version();
    }

    @Serdeable
    record Pong(String status, String rulebaseVersion) {
    }

    @Get
    Pong ping() {
        return new Pong("ok", version);
    }
}
