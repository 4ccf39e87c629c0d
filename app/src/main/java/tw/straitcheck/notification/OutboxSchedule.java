package tw.straitcheck.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Runs the {@link OutboxWorker} every {@code straitcheck.mail.outbox.send-every}, when there is one
 * (an SMTP server is configured). Off with {@code straitcheck.mail.outbox.scheduled=false}.
 */
@Singleton
@Requires(beans = OutboxWorker.class)
@Requires(property = "straitcheck.mail.outbox.scheduled", notEquals = "false")
class OutboxSchedule {

    private final OutboxWorker worker;

    OutboxSchedule(OutboxWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelay = "${straitcheck.mail.outbox.send-every:30s}", initialDelay = "${straitcheck.mail.outbox.send-every:30s}")
    void sendDue() {
        worker.sendDue();
    }
}
