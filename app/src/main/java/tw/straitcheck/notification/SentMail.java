package tw.straitcheck.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import tw.straitcheck.system.TaipeiClock;

/**
 * The mail a record's filings and decisions wrote into the outbox, as the school's confirmation
 * page shows it: to whom (the school's registered contacts, the filer, the ministry's and the
 * MAC's contacts, as {@link FilingMail} chose them) and whether it has gone out yet.
 */
@Singleton
public class SentMail {

    /** At most this many of a record's mails, newest first. */
    static final int SHOWN = 20;

    private final Outbox outbox;

    SentMail(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One mail: why it was written ({@code FILED_REGISTRATION}…), its recipients, PENDING/SENT/FAILED, when. */
    public record Mail(String purpose, List<String> recipients, String status, OffsetDateTime writtenAt) {
    }

    @Transactional
    public List<Mail> of(String receipt) {
        return outbox.list(null, receipt, SHOWN).stream().map(m -> new Mail(m.purpose(),
                Addresses.split(m.recipients()), m.status(), TaipeiClock.at(m.createdAt()))).toList();
    }
}
