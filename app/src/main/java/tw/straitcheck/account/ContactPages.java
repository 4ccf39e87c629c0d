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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.HashMap;
import java.util.Map;
import tw.straitcheck.system.ApiException;

/**
 * {@code /school/contacts}: the school administrator's 聯絡窗口登錄, the contact persons who receive
 * the mail of every filing and decision of the school ({@link Contacts}): add, edit, remove.
 * Another school's contact is answered 404.
 */
@Controller
@Secured(Role.Names.SCHOOL_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ContactPages {

    static final String CONTACTS = "/school/contacts";

    private final Contacts contacts;
    private final Pages pages;

    ContactPages(Contacts contacts, Pages pages) {
        this.contacts = contacts;
        this.pages = pages;
    }

    @Serdeable
    record ContactForm(@Nullable String name, @Nullable String title, @Nullable String email, @Nullable String phone,
            @Nullable String csrfToken) {

        Contacts.Form entered() {
            return new Contacts.Form(name, title, email, phone);
        }

        static ContactForm of(SchoolContact c) {
            return new ContactForm(c.name(), c.title(), c.email(), c.phone(), null);
        }
    }

    @Serdeable
    record RemoveForm(@Nullable String csrfToken) {
    }

    @Get(CONTACTS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        return listPage(request, HttpStatus.OK, school(authentication), Map.of());
    }

    @Post(CONTACTS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, Authentication authentication, @Body ContactForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            contacts.add(school(authentication), form.entered());
        } catch (ApiException e) {
            return listPage(request, e.status(), school(authentication), Map.of("errors", e.body(null).errors(),
                    "form", form));
        }
        return Pages.redirect(CONTACTS + "?saved=1");
    }

    @Get(CONTACTS + "/{id}")
    HttpResponse<?> editPage(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        return contacts.of(school(authentication)).stream().filter(c -> c.id() == id).findFirst()
                .<HttpResponse<?>>map(c -> pages.ok(request, "school/contact", Map.of("contact", c,
                        "form", ContactForm.of(c))))
                .orElseGet(() -> pages.error(request, noContact()));
    }

    @Post(CONTACTS + "/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable long id,
            @Body ContactForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            contacts.update(school(authentication), id, form.entered());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                return pages.error(request, e);
            }
            Map<String, Object> model = new HashMap<>();
            model.put("contact", Map.of("id", id));
            model.put("form", form);
            model.put("errors", e.body(null).errors());
            return pages.render(request, e.status(), "school/contact", model);
        }
        return Pages.redirect(CONTACTS + "?saved=1");
    }

    @Post(CONTACTS + "/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, Authentication authentication, @PathVariable long id,
            @Body RemoveForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            contacts.remove(school(authentication), id);
        } catch (ApiException e) {
            return pages.error(request, e);
        }
        return Pages.redirect(CONTACTS + "?removed=1");
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, String school,
            Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.putIfAbsent("form", new ContactForm("", "", "", "", null));
        model.put("contacts", contacts.of(school));
        model.put("saved", request.getParameters().contains("saved"));
        model.put("removed", request.getParameters().contains("removed"));
        return pages.render(request, status, "school/contacts", model);
    }

    private static String school(Authentication authentication) {
        return Actor.of(authentication).school();
    }

    private static ApiException noContact() {
        return ApiException.notFound(tw.straitcheck.system.Messages.of("account.no-contact"));
    }
}
