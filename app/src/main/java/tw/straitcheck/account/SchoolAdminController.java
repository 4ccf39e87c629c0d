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
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;

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
    @Transactional
    HttpResponse<Created> create(@Body SchoolForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.code() == null || !form.code().strip().matches("[0-9A-Za-z-]{1,32}")) {
            errors.add(FieldError.of("code", "account.school-code"));
        }
        if (form.name() == null || form.name().isBlank()) {
            errors.add(FieldError.of("name", "field.required"));
        }
        if (form.admin() == null) {
            errors.add(FieldError.of("admin", "field.required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        School school = accounts.createSchool(form.code().strip(), form.name().strip());
        AccountService.AccountView admin = accounts.createAccount(new AccountService.NewAccount(form.admin().username(),
                form.admin().displayName(), school.code(), EnumSet.of(Role.SCHOOL_ADMIN), form.admin().password(), true));
        return HttpResponse.created(new Created(school, admin));
    }
}
