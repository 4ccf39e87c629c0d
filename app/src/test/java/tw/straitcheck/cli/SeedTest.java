package tw.straitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;

/**
 * {@code seed}: a small count through the real storage model, read back by SQL and by the
 * service's own API, and the service files on after it (receipts numbered on).
 */
@MicronautTest(transactional = false)
class SeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    TestAccounts accounts;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aSmallSeedSpreadsCheckedRecordsOverSchoolsAndStatusesWithTheDemoSchoolsShareAndFilingGoesOn() throws Exception {
        Map<String, Long> before = statuses("");
        long demoBefore = count("SELECT count(*) FROM submission_record WHERE school_code = '999999'");
        Seed seed = new Seed();
        seed.records = 400;
        seed.schools = 7;
        seed.seed = 42;

        Seed.Summary done = seed.fill(context);

        assertThat(done.records()).isEqualTo(400);
        assertThat(done.demo()).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM submission_record WHERE school_code = '999999'") - demoBefore).isEqualTo(40);
        Map<String, Long> after = statuses("");
        for (String status : new String[] {"ACCEPTED", "IN_REVIEW", "RETURNED", "REJECTED"}) {
            assertThat(after.getOrDefault(status, 0L)).as(status).isGreaterThan(before.getOrDefault(status, 0L));
        }
        assertThat(count("SELECT count(DISTINCT school_code) FROM submission_record WHERE school_code LIKE '7000%'"))
                .isEqualTo(7);
        assertThat(count("SELECT count(*) FROM submission_version v JOIN submission_record r ON r.id = v.record_id "
                + "WHERE v.number = 2 AND v.kind = 'CHANGE' AND r.current_version = 2")).isPositive();
        assertThat(count("SELECT count(*) FROM finding WHERE kind = 'FLAG'")).isPositive();
        assertThat(count("SELECT count(*) FROM flag_mark WHERE marked_by = 'reviewer@demo.straitcheck.tw'")).isPositive();
        // every record's history starts with its filing and ends in its status
        assertThat(count("""
                SELECT count(*) FROM submission_record r WHERE r.school_code LIKE '7000%' AND r.status <>
                  (SELECT h.to_status FROM status_history h WHERE h.record_id = r.id ORDER BY h.at DESC, h.id DESC LIMIT 1)""")).isZero();

        // the reviewers' queue reads them through the service, and a school files on after the seed
        JsonNode queue = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/review/queue?school=999999")
                .header(TestAccounts.AUTHORIZATION, accounts.reviewer("seed-reviewer@moe.gov.tw"))));
        assertThat(queue.path("total").asLong()).isPositive();
        String filed = client.toBlocking().retrieve(HttpRequest.POST("/api/submissions",
                Fixtures.compliantRegistration("999999").toString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, accounts.filer("999999")));
        assertThat(JSON.readTree(filed).path("receipt").asText()).isNotBlank();
    }

    private Map<String, Long> statuses(String where) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM submission_record " + where + " GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
