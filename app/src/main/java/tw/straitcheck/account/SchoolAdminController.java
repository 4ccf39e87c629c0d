package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** {@code /api/admin/schools}: a system administrator creates a school with its first administrator. */
@Tag(name = "administration")
@Controller("/api/admin/schools")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.Names.SYSTEM_ADMIN)
class SchoolAdminController {

    private final AccountService accounts;

    SchoolAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Serdeable
    record AdminForm(@Nullable String username, @Nullable String displayName, @Nullable String password) {
    }

    @Serdeable
    record SchoolForm(@Nullable String code, @Nullable String name, @Nullable AdminForm admin) {
    }

    @Serdeable
    record Created(School school, AccountService.AccountView admin) {
    }

    @Get
    List<School> schools() {
        return accounts.schools();
    }

    /** The school and its administrator in one transaction; the administrator changes the password at first login. */
    @Post
    HttpResponse<Created> create(@Body SchoolForm form) {
        AdminForm admin = form.admin();
        AccountService.NewSchool made = accounts.createSchoolWithAdmin(form.code(), form.name(), admin != null,
                admin == null ? null : admin.username(), admin == null ? null : admin.displayName(),
                admin == null ? null : admin.password());
        return HttpResponse.created(new Created(made.school(), made.admin()));
    }
}
