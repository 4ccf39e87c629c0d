package tw.straitcheck.rulebook;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.system.TaipeiClock;

/** A trivial JSON endpoint: liveness, and the baseline the load test compares the check against. */
@Tag(name = "rulebook")
@Controller("/api/ping")
@Secured(SecurityRule.IS_ANONYMOUS)
class PingController {

    private final CheckEngine engine;
    private final Clock clock;

    PingController(CheckEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Serdeable
    record Pong(String status, String rulebaseVersion) {
    }

    @Get
    Pong ping() {
        // the version in force today: one published since the start is live without a restart
        return new Pong("ok", engine.rulebaseOn(TaipeiClock.today(clock)).version());
    }
}
