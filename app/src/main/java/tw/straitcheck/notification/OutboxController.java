package tw.straitcheck.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import tw.straitcheck.account.Role;

/**
 * {@code GET /api/outbox[?status=PENDING][&receipt=…][&limit=…]}: the mail written, newest first,
 * for the system administrator to see what is waiting (e.g. while no SMTP server is configured) or failed.
 */
@Tag(name = "administration")
@Controller("/api/outbox")
@Secured(Role.Names.SYSTEM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxController {

    private static final int LIMIT_DEFAULT = 100;
    private static final int LIMIT_MAX = 1000;

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One mail as the list shows it (its body is left out). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(long id, @Nullable String receipt, String purpose, List<String> recipients, String subject, String status,
            int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<Entry> list(@QueryValue @Nullable OutboxMail.Status status, @QueryValue @Nullable String receipt,
            @QueryValue @Nullable Integer limit) {
        int rows = limit == null ? LIMIT_DEFAULT : Math.max(1, Math.min(limit, LIMIT_MAX));
        return outbox.list(status == null ? null : status.name(), receipt, rows).stream()
                .map(m -> new Entry(m.id(), m.receipt(), m.purpose(), Addresses.split(m.recipients()), m.subject(),
                        m.status(), m.attempts(), m.lastError(), m.createdAt(), m.sentAt()))
                .toList();
    }
}
