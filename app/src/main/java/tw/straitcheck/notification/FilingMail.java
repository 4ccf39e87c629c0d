package tw.straitcheck.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.account.Contacts;
import tw.straitcheck.records.RecordMoved;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionFiled;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion;

/**
 * Writes the mail of a filing and of a reviewer's decision into the outbox. The listeners are
 * plain synchronous ones: they run inside the publisher's transaction, so the mail is stored
 * with the record, or (if the filing rolls back) not at all.
 */
@Singleton
class FilingMail {

    private static final Logger LOG = LoggerFactory.getLogger(FilingMail.class);

    /** The moves the school hears about; a withdrawal is the school's own act. */
    private static final Set<RecordStatus> DECISIONS = Set.of(RecordStatus.ACCEPTED, RecordStatus.RETURNED, RecordStatus.REJECTED);

    private final Outbox outbox;
    private final MailSettings settings;
    private final Contacts contacts;

    FilingMail(Outbox outbox, MailSettings settings, Contacts contacts) {
        this.outbox = outbox;
        this.settings = settings;
        this.contacts = contacts;
    }

    /**
     * 參(三): 每筆新增、變更及事後登錄皆會傳送給權責單位聯絡人、本案教育部及陸委會聯絡人 — the
     * school's registered contacts (聯絡窗口, {@code straitcheck.mail.school-contacts}), whoever filed
     * (the record's filer and this version's), the ministry and the MAC. Never the leaders' addresses
     * typed into the submission: anyone could make the service mail thousands of strangers.
     */
    @EventListener
    void onFiled(SubmissionFiled event) {
        SubmissionRecord record = event.record();
        SubmissionVersion version = event.version();
        Addresses to = bounded(schoolContacts(record.schoolCode()), new Addresses()
                .add(record.filedBy())
                .add(version.submittedBy())
                .add(settings.ministryContacts())
                .add(settings.macContacts()), record.receipt());
        if (to.isEmpty()) {
            LOG.warn("filing {} version {}: no one to mail (no contact, filer or ministry/MAC address)", record.receipt(), version.number());
            return;
        }
        MailText.Letter letter = MailText.filed(record, version, event.result());
        outbox.writeOnce(record.id(), "FILED_" + version.kind().name(), "FILED:" + record.receipt() + ":" + version.number(),
                to.joined(), letter.subject(), letter.body(), version.createdAt());
    }

    /** A reviewer cleared, returned or rejected the record: the school is told, with the reviewer's comment. */
    @EventListener
    void onMoved(RecordMoved event) {
        RecordStatus to = event.entry().toStatus();
        if (!DECISIONS.contains(to)) {
            return;
        }
        SubmissionRecord record = event.record();
        Addresses recipients = bounded(schoolContacts(record.schoolCode()), new Addresses().add(record.filedBy()),
                record.receipt());
        if (recipients.isEmpty()) {
            LOG.warn("decision on {}: the record has no contact or filer address to mail", record.receipt());
            return;
        }
        MailText.Letter letter = MailText.decided(record, event.entry());
        outbox.writeOnce(record.id(), "DECISION_" + to.name(), "MOVED:" + record.receipt() + ":" + event.entry().id(),
                recipients.joined(), letter.subject(), letter.body(), event.entry().at());
    }

    /**
     * The school's contacts, then {@code others} (the filer, the ministry, the MAC), at most
     * {@code straitcheck.mail.max-recipients} in all: when there are more, school contacts are left
     * out (and logged), never the filer, the ministry or the MAC.
     */
    /**
     * 聯絡窗口: the contacts set for the school in the configuration, and those its administrator
     * registered on the platform (account/, {@code /api/account/contacts}).
     */
    private List<String> schoolContacts(String schoolCode) {
        List<String> all = new ArrayList<>(settings.schoolContacts(schoolCode));
        contacts.of(schoolCode).forEach(c -> all.add(c.email()));
        return all;
    }

    private Addresses bounded(List<String> schoolContacts, Addresses others, String receipt) {
        Addresses school = new Addresses().add(schoolContacts);
        int room = Math.max(0, settings.maxRecipients() - others.size());
        if (school.size() > room) {
            LOG.warn("mail for {}: {} school contacts, only {} are kept (straitcheck.mail.max-recipients = {})", receipt,
                    school.size(), room, settings.maxRecipients());
        }
        return new Addresses().add(school.first(room).list()).add(others.list()).first(settings.maxRecipients());
    }
}
