package tw.straitcheck.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's PENDING mail over SMTP, each mail exactly once however many workers (app
 * instances) run: a mail is claimed with {@code SELECT … FOR UPDATE SKIP LOCKED}, sent, and marked
 * SENT in that one transaction, so no other worker can claim it while it is being sent, nor after.
 * A failed attempt is counted, its error kept, and the mail tried again after a back-off that
 * doubles (straitcheck.mail.outbox.first-retry … max-retry); after max-attempts it is FAILED.
 *
 * <p>The one case left is the process dying after the SMTP server took the mail and before the
 * commit: the row is still PENDING and the mail goes again (at least once, never twice by two workers).
 *
 * <p>Exists only with an SMTP server configured ({@code javamail.properties.mail.smtp.host});
 * without one, mail stays PENDING and {@code GET /api/outbox} shows it.
 */
@Singleton
@Requires(property = OutboxWorker.SMTP_HOST, pattern = "\\s*\\S.*")
public class OutboxWorker {

    static final String SMTP_HOST = "javamail.properties.mail.smtp.host";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int ERROR_MAX = 2000;

    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final EmailSender<?, ?> sender;
    private final MailSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboxWorker(Outbox outbox, TransactionOperations<Connection> transactions, EmailSender<?, ?> sender,
            MailSettings settings, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** What became of one claimed mail. */
    enum Attempt { NOTHING_DUE, SENT, FAILED }

    /** Works the mail due now, one transaction per mail, at most batch-size; returns how many were attempted. */
    public int sendDue() {
        int attempted = 0;
        while (attempted < settings.batchSize()) {
            Attempt attempt = transactions.executeWrite(status -> sendNext());
            if (attempt == Attempt.NOTHING_DUE) {
                break;
            }
            count(attempt);
            attempted++;
        }
        return attempted;
    }

    /**
     * {@code straitcheck_mail_total{outcome="sent"|"failed"}} on /prometheus, after the attempt's
     * transaction: a failed attempt is counted each time (it is retried), a mail sent once.
     */
    private void count(Attempt attempt) {
        Counter.builder("straitcheck.mail")
                .description("Mail sending attempts by outcome")
                .tag("outcome", attempt == Attempt.SENT ? "sent" : "failed")
                .register(meters)
                .increment();
    }

    private Attempt sendNext() {
        Instant now = clock.instant();
        Optional<OutboxMail> claimed = outbox.claimNextDue(now);
        if (claimed.isEmpty()) {
            return Attempt.NOTHING_DUE;
        }
        OutboxMail mail = claimed.get();
        try {
            send(mail);
        } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            boolean givingUp = attempts >= settings.maxAttempts();
            String error = describe(e);
            outbox.markAttemptFailed(mail.id(), (givingUp ? OutboxMail.Status.FAILED : OutboxMail.Status.PENDING).name(),
                    attempts, now.plus(settings.retryDelay(attempts)), error);
            LOG.warn("mail {} ({}) attempt {} failed{}: {}", mail.id(), mail.purpose(), attempts,
                    givingUp ? ", giving up" : "", error);
            return Attempt.FAILED;
        }
        outbox.markSent(mail.id(), clock.instant());
        return Attempt.SENT;
    }

    private void send(OutboxMail mail) {
        Email.Builder email = Email.builder()
                .from(new Contact(settings.from(), settings.fromName()))
                .subject(mail.subject())
                .body(mail.body());
        Addresses.split(mail.recipients()).forEach(email::to);
        sender.send(email);
    }

    /** The error as an administrator reads it: each cause's message once, outermost first. */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < ERROR_MAX; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (b.indexOf(message) < 0) {
                b.append(b.isEmpty() ? "" : " <- ").append(message);
            }
        }
        return b.length() > ERROR_MAX ? b.substring(0, ERROR_MAX) : b.toString();
    }
}
