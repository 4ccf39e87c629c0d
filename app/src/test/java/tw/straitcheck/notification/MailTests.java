package tw.straitcheck.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/** What the notification tests share: the spec's registration, GreenMail, the outbox rows of a receipt. */
final class MailTests {

    static final ObjectMapper JSON = new ObjectMapper();

    private MailTests() {
    }

    /** A fresh address of the test's own, so counts at GreenMail are this test's mail only. */
    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.edu.tw";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMail smtpServer(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /**
     * The app's settings for GreenMail on {@code port}. HELO rather than EHLO: GreenMail's EHLO
     * answer costs about 40 ms a connection (a delayed ACK), and a test may send a few hundred
     * mails other test classes left PENDING in the shared database.
     */
    static Map<String, String> smtpSettings(int port) {
        return Map.of(
                "javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(port),
                "javamail.properties.mail.smtp.ehlo", "false");
    }

    /** Settings as one map, later ones winning. */
    @SafeVarargs
    static Map<String, String> merged(Map<String, String>... maps) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> m : maps) {
            all.putAll(m);
        }
        return all;
    }

    /** The spec's example registration (activity 2026/07/06–07/10, back 07/11) for the given school, its leader's e-mail {@code contact}. */
    static ObjectNode registration(String schoolCode, String contact) {
        ObjectNode json = Fixtures.specExample(schoolCode);
        ((ObjectNode) json.get("leaders").get(0)).put("email", contact);
        return json;
    }

    /** The spec's registration with every date moved by {@code days}. */
    static ObjectNode shifted(ObjectNode registration, int days) {
        ObjectNode period = (ObjectNode) registration.get("activityPeriod");
        ObjectNode travel = (ObjectNode) registration.get("travelPeriod");
        ObjectNode agreement = (ObjectNode) registration.get("agreement");
        for (var field : List.of(Map.entry(period, "start"), Map.entry(period, "end"),
                Map.entry(travel, "departure"), Map.entry(travel, "return"),
                Map.entry(agreement, "plannedSigningDate"))) {
            LocalDate day = LocalDate.parse(field.getKey().get(field.getValue()).asText());
            field.getKey().put(field.getValue(), day.plusDays(days).toString());
        }
        return registration;
    }

    /** The post-activity report of a registration, held from {@code start} to {@code end}. */
    static ObjectNode postActivityReport(String receipt, LocalDate start, LocalDate end) {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "POST_ACTIVITY_REPORT");
        report.put("registrationId", receipt);
        report.put("held", "HELD");
        ObjectNode actual = report.putObject("actualPeriod");
        actual.put("start", start.toString());
        actual.put("end", end.toString());
        report.put("actualStudents", 18);
        report.put("difficulties", "無");
        report.put("reflections", "學生收穫良多");
        return report;
    }

    /**
     * Files through {@code POST /api/submissions} as {@code actor}, a school user of the submission's
     * school (013301 for a report); returns the receipt.
     */
    static String file(HttpClient client, TestAccounts accounts, JsonNode submission, String actor) {
        String school = submission.path("school").path("code").asText("013301");
        String response = client.toBlocking().retrieve(HttpRequest.POST("/api/submissions", submission.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, accounts.bearer(actor, Role.SCHOOL_USER, school)), String.class);
        try {
            return JSON.readTree(response).get("receipt").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An outbox row as the tests read it. */
    record Row(long id, String purpose, String dedupKey, String recipients, String subject, String body, String status,
            int attempts, String lastError) {
    }

    /** The outbox rows of a record, oldest first. */
    static List<Row> outbox(DataSource dataSource, String receipt) {
        String sql = """
                SELECT o.id, o.purpose, o.dedup_key, o.recipients, o.subject, o.body, o.status, o.attempts, o.last_error
                FROM outbox o JOIN submission_record r ON r.id = o.record_id
                WHERE r.receipt = ? ORDER BY o.id""";
        try (Connection c = connection(dataSource); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, receipt);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count by one text parameter, e.g. {@code SELECT count(*) FROM outbox WHERE dedup_key = ?}. */
    static int count(DataSource dataSource, String sql, String parameter) {
        try (Connection c = connection(dataSource); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of its own, outside any transaction of the application (the test reads what is committed). */
    static Connection connection(DataSource dataSource) throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }

    static List<String> purposes(DataSource dataSource, String receipt) {
        return outbox(dataSource, receipt).stream().map(Row::purpose).toList();
    }

    /** The messages GreenMail delivered into this address's mailbox. */
    static List<MimeMessage> received(GreenMail smtp, String address) {
        return smtp.findReceivedMessages(u -> u.getEmail().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)),
                m -> true).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a message, multipart or not, decoded. */
    static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart p = multipart.getBodyPart(i);
                    b.append(text(p));
                }
                return b.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, checking every 50 ms, until the condition holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
