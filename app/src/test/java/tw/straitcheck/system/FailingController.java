package tw.straitcheck.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails as a database would, for the tests that a 500 says nothing internal. */
@Controller("/test/failing")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "straitcheck.test.failing-route", value = "true")
class FailingController {

    @Get
    String fail() {
        throw new IllegalStateException("ERROR: value too long for type character varying(32) -- SELECT * FROM submission_record");
    }
}
