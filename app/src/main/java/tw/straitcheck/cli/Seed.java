package tw.straitcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Evidence;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.TaipeiClock;

/**
 * Fills the service's database (the embedded one, or the configured one) with generated records,
 * for the pages' speed with a realistic amount of data (docs/performance.md). Every record is a
 * generated submission checked by the real rulebase and kept in the tables the service keeps it
 * in: the record, its versions (a change for some), the findings, the status history, and the
 * reviewers' marks on the flags of decided ones; statuses spread over in review, returned and
 * decided. The demo school (999999, the demo accounts') gets a few hundred of them.
 *
 * <p>Rows go in with batched JDBC, one transaction per thousand records, ids taken from the
 * tables' own sequences and receipts numbered on from each day's counter, so the service files on
 * after a seed as it would after those filings. No mail is written, nor reminders: these
 * filings did not happen.
 */
@Command(name = "seed", description = "Fill the database (embedded, or DATASOURCES_DEFAULT_URL) with generated, checked records.")
final class Seed implements Callable<Integer> {

    static final String DEMO_SCHOOL = "999999";
    static final String DEMO_FILER = "school-user@demo.straitcheck.tw";
    private static final String REVIEWER = "reviewer@demo.straitcheck.tw";
    private static final int BATCH = 1000;

    @Option(names = "--records", defaultValue = "100000", description = "How many records (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--schools", defaultValue = "300", description = "Over how many schools, besides the demo school (default ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--seed", defaultValue = "20261201", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || schools < 1) {
            System.err.println("--records and --schools must be at least 1");
            return 2;
        }
        // no reminders: a seed is no reason to mail the schools about the records it made up
        try (ApplicationContext context = ApplicationContext.builder().environments("default")
                .deduceEnvironment(false).properties(Map.of("straitcheck.mail.reminders.enabled", "false")).start()) {
            long started = System.nanoTime();
            Summary done = fill(context);
            System.out.printf(Locale.ROOT, "seeded %d records (%d of the demo school %s), %d versions, %d findings over %d schools in %.1f s%n",
                    done.records, done.demo, DEMO_SCHOOL, done.versions, done.findings, schools + 1,
                    (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }

    /** What a seed wrote. */
    record Summary(int records, int demo, int versions, long findings) {
    }

    Summary fill(ApplicationContext context) throws SQLException {
        CheckEngine engine = context.getBean(CheckEngine.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        LocalDate today = TaipeiClock.today(context.getBean(Clock.class));
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        SplittableRandom random = new SplittableRandom(seed);
        SubmissionGenerator generator = new SubmissionGenerator(seed);
        int demo = Math.min(300, Math.max(1, records / 10));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Writer writer = new Writer(connection, json);
            writer.schools(schools);
            int written = 0;
            while (written < records) {
                List<Filed> batch = new ArrayList<>(BATCH);
                for (JsonNode generated : generator.generate(BATCH * 2)) {
                    String type = generated.path("type").asText();
                    if (batch.size() == Math.min(BATCH, records - written)
                            || !(Submission.ExchangeActivity.TYPE.equals(type) || Submission.Announcement.TYPE.equals(type))) {
                        continue;
                    }
                    int n = written + batch.size();
                    boolean ofDemo = n < demo;
                    int school = ofDemo ? -1 : random.nextInt(schools);
                    ObjectNode submission = (ObjectNode) generated;
                    ((ObjectNode) submission.path("school")).put("code", ofDemo ? DEMO_SCHOOL : Writer.schoolCode(school));
                    ((ObjectNode) submission.path("school")).put("name", ofDemo ? writer.demoSchoolName()
                            : SubmissionGenerator.schoolName(school));
                    batch.add(filed(submission, engine, random, today, ofDemo));
                }
                writer.write(batch, random);
                connection.commit();
                written += batch.size();
            }
            writer.countersOn();
            connection.commit();
            return new Summary(written, demo, writer.versions, writer.findings);
        }
    }

    /** One generated submission as filed: the submission, the day it was filed on, its check. */
    record Filed(Submission submission, String json, LocalDate filedOn, CheckResult result, String filer) {
    }

    private static Filed filed(ObjectNode json, CheckEngine engine, SplittableRandom random, LocalDate today, boolean ofDemo) {
        Submission submission = SubmissionReader.read(json).orRefuse();
        LocalDate start = start(submission);
        LocalDate filedOn = start.minusDays(20 + random.nextInt(120));
        if (filedOn.isAfter(today)) {
            filedOn = today.minusDays(random.nextInt(30));
        }
        CheckResult result = engine.check(SubmissionFacts.of(submission, filedOn));
        String filer = ofDemo ? DEMO_FILER : "filer@" + ((ObjectNode) json.path("school")).path("code").asText() + ".edu.tw";
        return new Filed(submission, json.toString(), filedOn, result, filer);
    }

    static LocalDate start(Submission submission) {
        return submission instanceof Submission.ExchangeActivity a ? a.activityPeriod().start()
                : ((Submission.Announcement) submission).announcementPeriod().start();
    }

    /** The batched statements, and the ids and receipts they hand out. */
    private static final class Writer {

        private final Connection connection;
        private final JsonMapper json;
        private final Map<LocalDate, Integer> receiptsOfDay = new HashMap<>();
        int versions;
        long findings;

        Writer(Connection connection, JsonMapper json) {
            this.connection = connection;
            this.json = json;
        }

        static String schoolCode(int n) {
            return String.format(Locale.ROOT, "%06d", 700000 + n);
        }

        String demoSchoolName() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT name FROM school WHERE code = ?")) {
                s.setString(1, DEMO_SCHOOL);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : DEMO_SCHOOL;
                }
            }
        }

        void schools(int count) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO school (code, name, created_at) VALUES (?, ?, now()) ON CONFLICT (code) DO NOTHING")) {
                for (int i = 0; i < count; i++) {
                    s.setString(1, schoolCode(i));
                    s.setString(2, SubmissionGenerator.schoolName(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }

        private long[] ids(String sequence, int count) throws SQLException {
            long[] ids = new long[count];
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)")) {
                s.setInt(1, count);
                try (ResultSet rs = s.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            return ids;
        }

        private String receipt(LocalDate day) throws SQLException {
            Integer last = receiptsOfDay.get(day);
            if (last == null) {
                try (PreparedStatement s = connection.prepareStatement("SELECT last_number FROM receipt_counter WHERE day = ?")) {
                    s.setDate(1, Date.valueOf(day));
                    try (ResultSet rs = s.executeQuery()) {
                        last = rs.next() ? rs.getInt(1) : 0;
                    }
                }
            }
            receiptsOfDay.put(day, last + 1);
            return String.format(Locale.ROOT, "%03d%02d%02d-%06d", day.getYear() - 1911, day.getMonthValue(),
                    day.getDayOfMonth(), last + 1);
        }

        /** The receipts handed out, kept in each day's counter so the service numbers on from them. */
        void countersOn() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("""
                    INSERT INTO receipt_counter (day, last_number) VALUES (?, ?)
                    ON CONFLICT (day) DO UPDATE SET last_number = greatest(receipt_counter.last_number, excluded.last_number)""")) {
                for (Map.Entry<LocalDate, Integer> e : receiptsOfDay.entrySet()) {
                    s.setDate(1, Date.valueOf(e.getKey()));
                    s.setInt(2, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }

        void write(List<Filed> batch, SplittableRandom random) throws SQLException {
            long[] recordIds = ids("submission_record_id_seq", batch.size());
            long[] versionIds = ids("submission_version_id_seq", batch.size() * 2);
            int findingCount = batch.stream().mapToInt(f -> f.result().findings().size() * 2).sum();
            long[] findingIds = ids("finding_id_seq", Math.max(1, findingCount));
            int nextFinding = 0;
            try (PreparedStatement record = connection.prepareStatement("""
                    INSERT INTO submission_record (id, receipt, type, status, school_code, school_name, activity_name,
                        activity_start, activity_end, departure, return_date, current_version, verdict, violations, flags,
                        filed_by, created_at, updated_at, lock_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                    PreparedStatement version = connection.prepareStatement("""
                    INSERT INTO submission_version (id, record_id, number, kind, submitted, registration, as_of, verdict,
                        rulebase_version, submitted_by, created_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""");
                    PreparedStatement finding = connection.prepareStatement("""
                    INSERT INTO finding (id, record_id, version_id, rule_id, kind, due, subject, field, keyword, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""");
                    PreparedStatement history = connection.prepareStatement("""
                    INSERT INTO status_history (record_id, at, actor, action, from_status, to_status, version_number, comment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement mark = connection.prepareStatement("""
                    INSERT INTO flag_mark (finding_id, record_id, state, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < batch.size(); i++) {
                    Filed f = batch.get(i);
                    long id = recordIds[i];
                    boolean registration = f.submission() instanceof Submission.ExchangeActivity;
                    Instant filedAt = f.filedOn().atTime(9 + random.nextInt(8), random.nextInt(60))
                            .atZone(TaipeiClock.ZONE).toInstant();
                    // a tenth of the registrations had a change filed a few days later: version 2
                    boolean changed = registration && random.nextInt(10) == 0;
                    int current = changed ? 2 : 1;
                    Instant lastAt = changed ? filedAt.plusSeconds(86_400L * (1 + random.nextInt(10))) : filedAt;
                    Verdict verdict = f.result().verdict();
                    Outcome outcome = Outcome.of(verdict, random);
                    Instant decidedAt = lastAt.plusSeconds(3_600L * (2 + random.nextInt(100)));

                    String receipt = receipt(f.filedOn());
                    record.setLong(1, id);
                    record.setString(2, receipt);
                    record.setString(3, f.submission().type());
                    record.setString(4, outcome.status);
                    Submission s = f.submission();
                    String school = registration ? ((Submission.ExchangeActivity) s).school().code()
                            : ((Submission.Announcement) s).school().code();
                    String schoolName = registration ? ((Submission.ExchangeActivity) s).school().name()
                            : ((Submission.Announcement) s).school().name();
                    record.setString(5, school);
                    record.setString(6, schoolName);
                    record.setString(7, s instanceof Submission.ExchangeActivity a ? a.activityName()
                            : ((Submission.Announcement) s).activityName());
                    record.setDate(8, Date.valueOf(start(s)));
                    record.setDate(9, Date.valueOf(s instanceof Submission.ExchangeActivity a ? a.activityPeriod().end()
                            : ((Submission.Announcement) s).announcementPeriod().end()));
                    Submission.ExchangeActivity activity = s instanceof Submission.ExchangeActivity a ? a : null;
                    boolean travels = activity != null && activity.travelPeriod() != null;
                    setDate(record, 10, travels ? activity.travelPeriod().departure() : null);
                    setDate(record, 11, travels ? activity.travelPeriod().returnDate() : null);
                    record.setInt(12, current);
                    record.setString(13, verdict.name());
                    record.setInt(14, count(f.result(), FindingKind.VIOLATION));
                    record.setInt(15, count(f.result(), FindingKind.FLAG));
                    record.setString(16, f.filer());
                    record.setTimestamp(17, Timestamp.from(filedAt));
                    record.setTimestamp(18, Timestamp.from(outcome.decided ? decidedAt : lastAt));
                    record.addBatch();

                    String firstStatus = verdict == Verdict.COMPLIANT ? "ACCEPTED" : "IN_REVIEW";
                    for (int number = 1; number <= current; number++) {
                        long versionId = versionIds[i * 2 + number - 1];
                        boolean change = number == 2;
                        Instant at = change ? lastAt : filedAt;
                        version.setLong(1, versionId);
                        version.setLong(2, id);
                        version.setInt(3, number);
                        version.setString(4, change ? "CHANGE" : registration ? "REGISTRATION" : "ANNOUNCEMENT");
                        version.setString(5, change ? changeNotice(receipt, f) : f.json());
                        version.setString(6, registration ? f.json() : null);
                        version.setDate(7, Date.valueOf(f.filedOn()));
                        version.setString(8, verdict.name());
                        version.setString(9, f.result().rulebaseVersion());
                        version.setString(10, f.filer());
                        version.setTimestamp(11, Timestamp.from(at));
                        version.addBatch();
                        versions++;
                        for (ReportedFinding r : f.result().findings()) {
                            long findingId = findingIds[nextFinding++];
                            Evidence first = r.evidence().isEmpty() ? null : r.evidence().get(0);
                            finding.setLong(1, findingId);
                            finding.setLong(2, id);
                            finding.setLong(3, versionId);
                            finding.setString(4, r.ruleId());
                            finding.setString(5, r.kind().name());
                            setDate(finding, 6, r.due());
                            finding.setString(7, r.subject());
                            finding.setString(8, first == null ? null : first.field());
                            finding.setString(9, first != null && first.context() != null ? first.matched() : null);
                            finding.setString(10, write(r));
                            finding.addBatch();
                            findings++;
                            if (number == current && outcome.decided && r.kind() == FindingKind.FLAG) {
                                boolean confirmed = !"ACCEPTED".equals(outcome.status);
                                mark.setLong(1, findingId);
                                mark.setLong(2, id);
                                mark.setString(3, confirmed ? "CONFIRMED" : "FALSE_POSITIVE");
                                mark.setString(4, null);
                                mark.setString(5, REVIEWER);
                                mark.setTimestamp(6, Timestamp.from(decidedAt.minusSeconds(600)));
                                mark.addBatch();
                            }
                        }
                        history(history, id, at, f.filer(), change ? "CHANGE_REPORTED" : registration ? "REGISTERED" : "ANNOUNCED",
                                change ? firstStatus : null, firstStatus, number, null);
                    }
                    if (outcome.move != null) {
                        history(history, id, decidedAt, outcome.move.equals("WITHDRAW") ? f.filer() : REVIEWER, outcome.move,
                                firstStatus, outcome.status, current, outcome.comment);
                    }
                }
                record.executeBatch();
                version.executeBatch();
                finding.executeBatch();
                history.executeBatch();
                mark.executeBatch();
            }
        }

        private static void history(PreparedStatement history, long recordId, Instant at, String actor, String action,
                String from, String to, int number, String comment) throws SQLException {
            history.setLong(1, recordId);
            history.setTimestamp(2, Timestamp.from(at));
            history.setString(3, actor);
            history.setString(4, action);
            history.setString(5, from);
            history.setString(6, to);
            history.setInt(7, number);
            history.setString(8, comment);
            history.addBatch();
        }

        /** The change notice of version 2: the activity renamed, a day after it was filed. */
        private static String changeNotice(String receipt, Filed f) {
            ObjectNode change = Cli.JSON.createObjectNode();
            change.put("type", Submission.Change.TYPE);
            change.put("registrationId", receipt);
            change.put("changeOccurredOn", f.filedOn().plusDays(1).toString());
            change.putObject("changes").put("activityName", ((Submission.ExchangeActivity) f.submission()).activityName());
            change.put("reason", "seed");
            return change.toString();
        }

        private static void setDate(PreparedStatement s, int index, LocalDate day) throws SQLException {
            if (day == null) {
                s.setNull(index, Types.DATE);
            } else {
                s.setDate(index, Date.valueOf(day));
            }
        }

        private static int count(CheckResult result, FindingKind kind) {
            return (int) result.findings().stream().filter(f -> f.kind() == kind).count();
        }

        private String write(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Where a record ended up: a compliant one ACCEPTED at once; of the others, about half still in
     * review, and the rest returned, cleared, rejected or withdrawn, with the move that took them there.
     */
    private record Outcome(String status, String move, String comment, boolean decided) {

        static Outcome of(Verdict verdict, SplittableRandom random) {
            if (verdict == Verdict.COMPLIANT) {
                return new Outcome("ACCEPTED", null, null, false);
            }
            int r = random.nextInt(100);
            if (r < 45) {
                return new Outcome("IN_REVIEW", null, null, false);
            }
            if (r < 65) {
                return new Outcome("RETURNED", "RETURN", "Please correct the flagged passages.", true);
            }
            if (r < 85) {
                return new Outcome("ACCEPTED", "CLEAR", null, true);
            }
            if (r < 95) {
                return new Outcome("REJECTED", "REJECT", "The activity does not meet the rules cited.", true);
            }
            return new Outcome("WITHDRAWN", "WITHDRAW", null, false);
        }
    }
}
