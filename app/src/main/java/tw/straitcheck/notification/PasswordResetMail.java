package tw.straitcheck.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import tw.straitcheck.account.PasswordResetRequested;

/**
 * Writes the forgotten-password mail into the outbox, inside the request's transaction: the link is
 * stored with its token's hash or not at all, and the mail survives a restart like every other.
 */
@Singleton
class PasswordResetMail {

    private final Outbox outbox;

    PasswordResetMail(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void onRequested(PasswordResetRequested event) {
        MailText.Letter letter = MailText.passwordReset(event);
        outbox.writeOnce(null, "PASSWORD_RESET", "RESET:" + event.resetId(), event.address(), letter.subject(),
                letter.body(), event.requestedAt());
    }
}
