package tw.straitcheck.operations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the generated OpenAPI description says about the service as a whole: its title, the two
 * ways a caller is known (the pages' session cookie, a school system's {@code sct_…} API token)
 * and one tag per feature. micronaut-openapi reads it at build time with the controllers; the
 * contract in words is {@code shared/spec/submission.md}.
 */
@OpenAPIDefinition(
        info = @Info(title = "StraitCheck: cross-strait education exchange compliance", version = "${project.version}",
                description = "The JSON API for schools' systems and the ministry's reviewers. Every refusal "
                        + "(400, 401, 403, 404, 409, 413, 414, 415, 422, 429) has one body, ErrorBody: a message "
                        + "and every field's error in zh-TW and English, and the correlationId the log keeps it under.",
                license = @License(name = "Proprietary")),
        tags = {
                @Tag(name = "checks", description = "Check a submission against the rulebase without storing it"),
                @Tag(name = "submissions", description = "File, read, resubmit and withdraw a school's records"),
                @Tag(name = "review", description = "The reviewers' queue, flag marks and decisions"),
                @Tag(name = "rulebook", description = "The rules and their legal sources"),
                @Tag(name = "accounts", description = "Accounts, API tokens and contact persons of a school"),
                @Tag(name = "administration", description = "Schools and the mail outbox, for system administrators")},
        security = {@SecurityRequirement(name = "session"), @SecurityRequirement(name = "token")})
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "SESSION",
        description = "The session cookie set by logging in on /login (HttpOnly, SameSite=Lax)")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sct_…",
        description = "An API token a school administrator made for the school's system: Authorization: Bearer sct_…")
final class ApiDescription {

    private ApiDescription() {
    }
}
