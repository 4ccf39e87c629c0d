package tw.straitcheck.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.account.Shown;

/**
 * {@code /admin/outbox[?status=…][&page=…]}: the mail queue as {@code GET /api/outbox} gives it, for
 * the system administrator to read, a page of 50 at a time, newest first. Read-only: the worker
 * alone sends and retries.
 */
@Controller
@Secured(Role.Names.SYSTEM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class OutboxPage {

    static final int PER_PAGE = 50;

    private final Outbox outbox;
    private final Pages pages;

    OutboxPage(Outbox outbox, Pages pages) {
        this.outbox = outbox;
        this.pages = pages;
    }

    /** One mail as the page shows it. */
    record Row(long id, @Nullable String receipt, List<String> recipients, String subject, String status, int attempts,
            @Nullable String lastError, String created, String sent) {
    }

    @Get("/admin/outbox")
    HttpResponse<?> list(HttpRequest<?> request, @QueryValue @Nullable OutboxMail.Status status,
            @QueryValue @Nullable Integer page) {
        int shown = page == null || page < 1 ? 1 : page;
        List<Outbox.Listed> rows = outbox.page(status == null ? null : status.name(), PER_PAGE + 1,
                (long) (shown - 1) * PER_PAGE);
        Map<String, Object> model = new HashMap<>();
        model.put("mails", rows.stream().limit(PER_PAGE).map(m -> new Row(m.id(), m.receipt(),
                Addresses.split(m.recipients()), m.subject(), m.status(), m.attempts(), m.lastError(),
                Shown.time(m.createdAt()), Shown.time(m.sentAt()))).toList());
        model.put("status", status == null ? null : status.name());
        model.put("statuses", Arrays.stream(OutboxMail.Status.values()).map(Enum::name).toList());
        model.put("page", shown);
        model.put("previous", shown > 1 ? shown - 1 : null);
        model.put("next", rows.size() > PER_PAGE ? shown + 1 : null);
        return pages.ok(request, "admin/outbox", model);
    }
}
