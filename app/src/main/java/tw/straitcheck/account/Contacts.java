package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;

/** 聯絡窗口登錄: each school's contact persons, kept by its administrator. */
@Singleton
public class Contacts {

    private final Repositories.Contacts contacts;

    Contacts(Repositories.Contacts contacts) {
        this.contacts = contacts;
    }

    /** A contact person as entered. */
    @io.micronaut.serde.annotation.Serdeable
    public record Form(@Nullable String name, @Nullable String title, @Nullable String email, @Nullable String phone) {
    }

    public List<SchoolContact> of(String school) {
        return contacts.findBySchoolCodeOrderById(school);
    }

    @Transactional
    public SchoolContact add(String school, Form form) {
        valid(form);
        return contacts.save(new SchoolContact(null, school, form.name().strip(), blankToNull(form.title()),
                form.email().strip(), blankToNull(form.phone())));
    }

    @Transactional
    public SchoolContact update(String school, long id, Form form) {
        SchoolContact kept = own(school, id);
        valid(form);
        return contacts.update(new SchoolContact(kept.id(), school, form.name().strip(), blankToNull(form.title()),
                form.email().strip(), blankToNull(form.phone())));
    }

    @Transactional
    public void remove(String school, long id) {
        contacts.delete(own(school, id));
    }

    private SchoolContact own(String school, long id) {
        return contacts.findById(id).filter(c -> c.schoolCode().equals(school))
                .orElseThrow(() -> ApiException.notFound(Messages.of("account.no-contact")));
    }

    private static void valid(Form form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.add(FieldError.of("name", "field.required"));
        }
        if (form.email() == null || !form.email().strip().matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(FieldError.of("email", "account.username-email"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
