package tw.straitcheck.policy;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import tw.straitcheck.checking.CheckEngine;

/** The service's check engine: each check judged by the rulebase version in force on its day. */
@Factory
class PolicyFactory {

    @Singleton
    CheckEngine checkEngine(LiveRulebases live) {
        return new CheckEngine(live);
    }
}
