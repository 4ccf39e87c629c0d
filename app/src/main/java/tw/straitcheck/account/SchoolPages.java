package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.HashMap;
import java.util.Map;
import tw.straitcheck.system.ApiException;

/**
 * {@code /admin/schools}: the system administrator's list of schools, and a new school with its
 * first administrator, whose one-time initial password the platform chooses and shows once.
 */
@Controller
@Secured(Role.Names.SYSTEM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SchoolPages {

    static final String SCHOOLS = "/admin/schools";

    private final AccountService accounts;
    private final Pages pages;

    SchoolPages(AccountService accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    /** A school as listed, with how many accounts it has. */
    record Row(String code, String name, String created, long accounts, long admins) {
    }

    @Serdeable
    record SchoolForm(@Nullable String code, @Nullable String name, @Nullable String username,
            @Nullable String displayName, @Nullable String csrfToken) {
    }

    @Get(SCHOOLS)
    HttpResponse<?> list(HttpRequest<?> request) {
        return listPage(request, HttpStatus.OK, Map.of("form", new SchoolForm("", "", "", "", null)));
    }

    @Post(SCHOOLS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body SchoolForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        String password = InitialPasswords.make();
        try {
            AccountService.NewSchool made = accounts.createSchoolWithAdmin(form.code(), form.name(), true,
                    form.username(), form.displayName(), password);
            return listPage(request, HttpStatus.OK, Map.of("created", made, "password", password,
                    "form", new SchoolForm("", "", "", "", null)));
        } catch (ApiException e) {
            return listPage(request, e.status(), Map.of("errors", e.body(null).errors(), "form", form));
        }
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("schools", accounts.schools().stream().map(s -> {
            var users = accounts.accountsOf(s.code());
            return new Row(s.code(), s.name(), Shown.time(s.createdAt()), users.size(),
                    users.stream().filter(u -> u.enabled() && u.roles().contains(Role.SCHOOL_ADMIN)).count());
        }).toList());
        return pages.render(request, status, "admin/schools", model);
    }
}
