package tw.straitcheck.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.dates.DueDates;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.SubmissionRecord;

/**
 * The post-activity report reminders (handbook 參(三)): 活動辦理後隔天系統將發出提醒信給管理者及填表人，
 * 活動結束後若還未填寫事後登錄，系統將於第 20日後、28日後、29日後各發一次提醒. The days and the report's
 * due date are those of the record's stored {@code OBL.POST_ACTIVITY_REPORT} finding (its
 * {@code reminders} and {@code due}, as the check that judged the record gave them): a reminder
 * follows what the school was told, not what today's rulebase would compute. A record whose
 * judging check raised no such finding gets no reminder.
 *
 * <p>Catching up: on a given day only the latest reminder whose day has come is due; an earlier one
 * that was never written (the app was down on its day) is skipped for good, because the later one
 * says the same and more. A reminder whose day has passed is still written on a later day only while
 * the report is not yet overdue; on its own day it is always written. Each is written once
 * ({@code REMINDER:<receipt>:DAY_<n>}), so running the job again, or on two instances, adds nothing.
 */
@Singleton
public class Reminders {

    static final String REMINDER_DAYS = "post-activity-reminders";
    static final String REPORT_PERIOD = "post-activity-report";
    static final String REPORT_OBLIGATION = "OBL.POST_ACTIVITY_REPORT";

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final AwaitingReport awaitingReport;
    private final Outbox outbox;
    private final RecordStore records;
    private final CheckEngine engine;
    private final MailSettings settings;
    private final Clock clock;

    Reminders(AwaitingReport awaitingReport, Outbox outbox, RecordStore records, CheckEngine engine, MailSettings settings,
            Clock clock) {
        this.awaitingReport = awaitingReport;
        this.outbox = outbox;
        this.records = records;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A reminder due on a day: which day after the activity's end it is, whether it is the first,
     * and the stored obligation it reminds of (its due date and citations).
     */
    record Due(int day, boolean first, ReportedFinding obligation) {
    }

    /** Writes the reminders due on {@code today} (a date in Asia/Taipei) and returns how many were new. */
    @Transactional
    public int run(LocalDate today) {
        DueDates dates = engine.rulebaseOn(today).dates();
        // Far enough back for every record that can have a reminder due today: the last reminder
        // day, plus the report period for a catch-up, as the rulebase in force today has them; the
        // exact test, on the record's stored finding, is due() below.
        long lookBack = ChronoUnit.DAYS.between(today, last(dates.series(REMINDER_DAYS, today)))
                + ChronoUnit.DAYS.between(today, dates.due(REPORT_PERIOD, today).getDate());
        int written = 0;
        for (SubmissionRecord record : awaitingReport.find(today, today.minusDays(lookBack))) {
            Optional<Due> due = due(record, today);
            if (due.isPresent()) {
                written += write(record, due.get(), today);
            }
        }
        if (written > 0) {
            LOG.info("{}: {} post-activity report reminder(s) written", today, written);
        }
        return written;
    }

    /** The reminder due for the record on {@code today}, if any (see the class comment for catching up). */
    Optional<Due> due(SubmissionRecord record, LocalDate today) {
        if (record.activityEnd() == null || record.postReportFiledOn() != null) {
            return Optional.empty();
        }
        Optional<ReportedFinding> stored = records.judgedFinding(record, REPORT_OBLIGATION);
        if (stored.isEmpty() || stored.get().due() == null || stored.get().reminders() == null) {
            return Optional.empty();
        }
        ReportedFinding obligation = stored.get();
        List<LocalDate> days = obligation.reminders();
        int latest = -1;
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).isAfter(today)) {
                latest = i;
            }
        }
        if (latest < 0) {
            return Optional.empty();
        }
        if (days.get(latest).isBefore(today) && today.isAfter(obligation.due())) {
            return Optional.empty();
        }
        int day = (int) ChronoUnit.DAYS.between(record.activityEnd(), days.get(latest));
        return Optional.of(new Due(day, latest == 0, obligation));
    }

    private int write(SubmissionRecord record, Due due, LocalDate today) {
        Addresses to = new Addresses().add(settings.schoolAdmins(record.schoolCode())).add(record.filedBy());
        if (to.isEmpty()) {
            LOG.warn("reminder day {} for {}: no administrator configured for school {} and the filer '{}' is not an e-mail",
                    due.day(), record.receipt(), record.schoolCode(), record.filedBy());
            return 0;
        }
        MailText.Letter letter = MailText.reminder(record, due.day(), due.first(), due.obligation(), today);
        return outbox.writeOnce(record.id(), "REMINDER_DAY_" + due.day(), "REMINDER:" + record.receipt() + ":DAY_" + due.day(),
                to.first(settings.maxRecipients()).joined(), letter.subject(), letter.body(), clock.instant());
    }

    private static LocalDate last(List<LocalDate> days) {
        return days.get(days.size() - 1);
    }

    /** Exchange activities still open (ACCEPTED or IN_REVIEW) whose activity has ended and whose report is not filed. */
    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AwaitingReport extends GenericRepository<SubmissionRecord, Long> {
        @Query("""
                SELECT * FROM submission_record
                WHERE type = 'EXCHANGE_ACTIVITY' AND status IN ('ACCEPTED', 'IN_REVIEW')
                  AND post_report_filed_on IS NULL
                  AND activity_end < :today AND greatest(activity_end, return_date) >= :since
                ORDER BY id""")
        List<SubmissionRecord> find(LocalDate today, LocalDate since);
    }
}
