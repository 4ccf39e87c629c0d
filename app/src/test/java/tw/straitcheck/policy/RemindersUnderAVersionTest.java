package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.PolicyDatabases;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.checking.dates.DueDates;
import tw.straitcheck.notification.Reminders;

/**
 * The daily reminder job reads as far back as the rulebase in force that day says. A version that
 * gives the post-activity report three months and adds a reminder on day 75 reminds a record on
 * its day 75: a day the packaged rules' reach (the last reminder day plus the report's month)
 * falls short of, so a job looking back by those would not even read the record.
 */
class RemindersUnderAVersionTest {

    private static final LocalDate FILED = LocalDate.of(2026, 3, 2);
    /** The spec's example moved 91 days earlier: activity 2026-04-06 to 04-10, back 04-11. */
    private static final int EARLIER = -91;
    private static final LocalDate END = LocalDate.of(2026, 4, 10);
    private static final LocalDate DAY_75 = END.plusDays(75);

    @Test
    void aVersionWithAReminderOnDay75RemindsOnThatDayBeyondThePackagedRulesReach() throws Exception {
        DueDates packaged = ProjectFiles.rulebase().dates();
        long packagedReach = ChronoUnit.DAYS.between(DAY_75, last(packaged.series("post-activity-reminders", DAY_75)))
                + ChronoUnit.DAYS.between(DAY_75, packaged.due("post-activity-report", DAY_75).getDate());
        assertThat(packagedReach).as("the packaged rules look back less than 75 days").isLessThan(75);

        try (EmbeddedServer server = PolicyTests.instance(PolicyDatabases.fresh(), FILED.toString())) {
            ApplicationContext context = server.getApplicationContext();
            RuleFiles version = laterReminders();
            PolicyTests.publish(context, version, FILED.minusDays(1));
            CheckEngine engine = context.getBean(CheckEngine.class);
            String published = RulebaseLoader.versionOf(version);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!engine.rulebaseOn(FILED).version().equals(published) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(engine.rulebaseOn(FILED).version()).isEqualTo(published);

            Api api = new Api(server.getURL());
            String filer = context.getBean(TestAccounts.class).filer("013301");
            Api.Answer filed = api.postAs(filer, "/api/submissions", shifted(Fixtures.specExample("013301")).toString());
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            String receipt = filed.json().get("receipt").asText();

            context.getBean(MutableClock.class).setDay(DAY_75);
            assertThat(context.getBean(Reminders.class).run(DAY_75)).isEqualTo(1);
            assertThat(reminderPurposes(context.getBean(DataSource.class), receipt)).containsExactly("REMINDER_DAY_75");
        }
    }

    /** The packaged rules, with the post-activity report due in three months and a fifth reminder on day 75. */
    private static RuleFiles laterReminders() {
        Map<String, byte[]> files = new TreeMap<>(PolicyTests.relabelled(RuleFiles.fromDirectory(ProjectFiles.rules()), "2026.12.75").all());
        String periods = new String(files.get("periods.yaml"), StandardCharsets.UTF_8);
        String changed = periods
                .replace("  post-activity-report:\n    roll: next-working-day\n    length: 1 month\n",
                        "  post-activity-report:\n    roll: next-working-day\n    length: 3 months\n")
                .replace("lengths: [1 day, 20 days, 28 days, 29 days]", "lengths: [1 day, 20 days, 28 days, 29 days, 75 days]");
        assertThat(changed).contains("length: 3 months", "75 days]");
        files.put("periods.yaml", changed.getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of("later reminders", files);
    }

    private static ObjectNode shifted(ObjectNode registration) {
        for (String[] field : new String[][] {{"activityPeriod", "start"}, {"activityPeriod", "end"},
                {"travelPeriod", "departure"}, {"travelPeriod", "return"}, {"agreement", "plannedSigningDate"}}) {
            ObjectNode holder = (ObjectNode) registration.get(field[0]);
            holder.put(field[1], LocalDate.parse(holder.get(field[1]).asText()).plusDays(EARLIER).toString());
        }
        assertThat(registration.get("activityPeriod").get("end").asText()).isEqualTo(END.toString());
        return registration;
    }

    private static List<String> reminderPurposes(DataSource dataSource, String receipt) throws SQLException {
        List<String> purposes = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT o.purpose FROM outbox o JOIN submission_record r ON r.id = o.record_id"
                        + " WHERE r.receipt = ? AND o.purpose LIKE 'REMINDER%' ORDER BY o.id")) {
            s.setString(1, receipt);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    purposes.add(rs.getString(1));
                }
            }
        }
        return purposes;
    }

    private static LocalDate last(List<LocalDate> days) {
        return days.get(days.size() - 1);
    }
}
