package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * Filing through the web form's multipart request, with the itinerary or attachment as a PDF, over
 * real HTTP on the embedded PostgreSQL. Today is 2026-05-20.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class PdfUploadApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType PDF = MediaType.of("application/pdf");
    private static final String PATRIOTIC_VISIT = "7/7 上午 參觀愛國主義教育基地";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    private String school;

    @BeforeEach
    void aSchoolOfItsOwn() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        school = UUID.randomUUID().toString().substring(0, 8);
    }

    /** The compliant example registration for this test's school, without a typed-in itinerary. */
    private ObjectNode registration() {
        ObjectNode json = Fixtures.compliantRegistration(school);
        json.remove("itineraryText");
        return json;
    }

    private ObjectNode announcement() {
        return Fixtures.announcement(school, LocalDate.of(2026, 5, 20));
    }

    private HttpResponse<String> post(MultipartBody body) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/submissions", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header(TestAccounts.AUTHORIZATION, accounts.filer(school)), String.class);
    }

    private HttpClientResponseException refused(MultipartBody body) {
        try {
            post(body);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the filing to be refused");
    }

    private static MultipartBody form(JsonNode submission, String part, String filename, byte[] file) {
        return MultipartBody.builder().addPart("submission", submission.toString()).addPart(part, filename, PDF, file).build();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static JsonNode body(HttpClientResponseException e) throws IOException {
        return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
    }

    private JsonNode record(String receipt) throws IOException {
        return JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/submissions/" + receipt)
                .header(TestAccounts.AUTHORIZATION, accounts.filer(school))));
    }

    private static List<String> fields(JsonNode refusal) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : refusal.get("errors")) {
            fields.add(error.get("field").asText());
            assertThat(error.get("message").get("zh").asText()).isNotBlank();
            assertThat(error.get("message").get("en").asText()).isNotBlank();
        }
        return fields;
    }

    private static List<String> evidenceFields(JsonNode filing, String ruleId) {
        List<String> fields = new ArrayList<>();
        for (JsonNode finding : filing.get("findings")) {
            if (finding.get("ruleId").asText().equals(ruleId)) {
                finding.get("evidence").forEach(e -> fields.add(e.get("field").asText()));
            }
        }
        return fields;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int records() throws SQLException {
        return count("SELECT count(*) FROM submission_record WHERE school_code = ?");
    }

    private int attachments() throws SQLException {
        return count("SELECT count(*) FROM attachment a JOIN submission_version v ON v.id = a.version_id"
                + " JOIN submission_record r ON r.id = v.record_id WHERE r.school_code = ?");
    }

    private void assertNothingStored() throws SQLException {
        assertThat(records()).isZero();
        assertThat(attachments()).isZero();
    }

    @Test
    void aRegistrationWhoseItineraryPdfVisitsAPatrioticEducationBaseIsFiledFlaggedAndKeptWithItsPdf() throws Exception {
        byte[] pdf = TestPdfs.withText(PATRIOTIC_VISIT);

        HttpResponse<String> response = post(form(registration(), "itinerary", "行程表.pdf", pdf));

        assertThat(response.code()).isEqualTo(201);
        JsonNode filing = json(response);
        assertThat(evidenceFields(filing, "CONTENT.POLITICAL")).contains("itineraryText");
        JsonNode kept = record(filing.get("receipt").asText());
        assertThat(kept.get("versions").get(0).get("submission").get("itineraryText").asText())
                .contains("參觀愛國主義教育基地");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.field, a.filename, a.content_type, a.size_bytes, a.sha256, a.extracted_text, a.content"
                        + " FROM attachment a JOIN submission_version v ON v.id = a.version_id"
                        + " JOIN submission_record r ON r.id = v.record_id WHERE r.receipt = ?")) {
            s.setString(1, filing.get("receipt").asText());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("field")).isEqualTo("itineraryText");
                assertThat(rs.getString("filename")).isEqualTo("行程表.pdf");
                assertThat(rs.getString("content_type")).isEqualTo("application/pdf");
                assertThat(rs.getInt("size_bytes")).isEqualTo(pdf.length);
                assertThat(rs.getString("sha256")).isEqualTo(sha256(pdf));
                assertThat(rs.getString("extracted_text")).contains("參觀愛國主義教育基地");
                assertThat(rs.getBytes("content")).isEqualTo(pdf);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void theSubmissionMaySendItsJsonAsAFilePartAndTheItineraryPdfStillFillsTheField() throws Exception {
        MultipartBody body = MultipartBody.builder()
                .addPart("submission", "submission.json", MediaType.APPLICATION_JSON_TYPE,
                        registration().toString().getBytes(StandardCharsets.UTF_8))
                .addPart("itinerary", "itinerary.pdf", PDF, TestPdfs.withText("7/6 開幕 7/10 結業"))
                .build();

        JsonNode filing = json(post(body));

        JsonNode kept = record(filing.get("receipt").asText());
        assertThat(kept.get("versions").get(0).get("submission").get("itineraryText").asText()).contains("7/6 開幕");
        assertThat(kept.get("schoolName").asText()).isEqualTo("國立澎湖高級海事水產職業學校");
    }

    @Test
    void aPngRenamedItineraryPdfIsRefusedOnTheItineraryAndNothingIsStored() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", png));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("itinerary");
        assertThat(body(e).toString()).contains("PDF");
        assertNothingStored();
    }

    @Test
    void aPlainTextFileRenamedItineraryPdfIsRefusedOnTheItinerary() throws Exception {
        byte[] text = "7/7 參觀愛國主義教育基地".getBytes(StandardCharsets.UTF_8);

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", text));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("itinerary");
        assertNothingStored();
    }

    @Test
    void aSixMegabyteItineraryPdfIsRefusedWithItsSizeAndTheLimitAndNothingIsStored() throws Exception {
        byte[] pdf = TestPdfs.ofSize(PATRIOTIC_VISIT, 6 * 1024 * 1024);

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", pdf));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        JsonNode error = body(e).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("itinerary");
        assertThat(error.get("message").get("zh").asText()).contains(PdfFiles.megabytes(pdf.length)).contains("5 MB");
        assertThat(error.get("message").get("en").asText()).contains(PdfFiles.megabytes(pdf.length)).contains("5 MB");
        assertNothingStored();
    }

    @Test
    void aPdfOfExactlyFiveMegabytesIsAccepted() throws Exception {
        byte[] pdf = TestPdfs.ofExactSize(PATRIOTIC_VISIT, 5 * 1024 * 1024);

        assertThat(post(form(registration(), "itinerary", "itinerary.pdf", pdf)).code()).isEqualTo(201);
        assertThat(attachments()).isEqualTo(1);
    }

    @Test
    void aPdfOneByteOverFiveMegabytesIsRefused() throws Exception {
        byte[] pdf = TestPdfs.ofExactSize(PATRIOTIC_VISIT, 5 * 1024 * 1024 + 1);

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", pdf));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e).get("errors").get(0).get("message").get("en").asText()).contains("5.01 MB");
        assertNothingStored();
    }

    @Test
    void aDamagedPdfIsRefusedWith422AndNothingIsStored() throws Exception {
        byte[] damaged = "%PDF-1.7\n\u0001\u0002 garbage, not objects \u00ff\u00fe\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", damaged));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("itinerary");
        assertThat(body(e).get("errors").get(0).get("message").get("en").asText()).contains("damaged");
        assertNothingStored();
    }

    @Test
    void aPasswordProtectedPdfIsRefusedWith422() throws Exception {
        byte[] locked = TestPdfs.passwordProtected(PATRIOTIC_VISIT);

        HttpClientResponseException e = refused(form(registration(), "itinerary", "itinerary.pdf", locked));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e).get("errors").get(0).get("message").get("en").asText()).contains("password");
        assertNothingStored();
    }

    @Test
    void anAttachmentPartOnAnExchangeActivityIsRefusedOnTheAttachment() throws Exception {
        HttpClientResponseException e = refused(form(registration(), "attachment", "附件.pdf", TestPdfs.withText("附件")));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("attachment");
        assertNothingStored();
    }

    @Test
    void aFormWithoutTheSubmissionPartIsRefusedOnTheSubmission() throws Exception {
        MultipartBody body = MultipartBody.builder()
                .addPart("itinerary", "itinerary.pdf", PDF, TestPdfs.withText(PATRIOTIC_VISIT)).build();

        HttpClientResponseException e = refused(body);

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("submission");
    }

    @Test
    void aSubmissionPartThatIsNotJsonIsRefusedOnTheSubmission() throws Exception {
        MultipartBody body = MultipartBody.builder().addPart("submission", "{ not json")
                .addPart("itinerary", "itinerary.pdf", PDF, TestPdfs.withText(PATRIOTIC_VISIT)).build();

        HttpClientResponseException e = refused(body);

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("submission");
    }

    @Test
    void aSubsidyApplicationWithAnItineraryPdfHasItsItineraryTextFilledCheckedAndKept() throws Exception {
        ObjectNode application = Fixtures.baseline("subsidy-application");
        ((ObjectNode) application.get("applicant")).put("code", school);
        application.remove("itineraryText");

        HttpResponse<String> response = post(form(application, "itinerary", "行程表.pdf",
                TestPdfs.withText("第三天：參觀愛國主義教育基地")));

        assertThat(response.code()).isEqualTo(201);
        JsonNode filing = json(response);
        assertThat(filing.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(evidenceFields(filing, "CONTENT.POLITICAL")).contains("itineraryText");
        assertThat(attachments()).isEqualTo(1);
    }

    @Test
    void aResultsReportTakesNoFileAndIsRefusedWithOneThatNamesThePart() throws Exception {
        ObjectNode report = Fixtures.baseline("results-report");

        HttpClientResponseException e = refused(form(report, "itinerary", "行程表.pdf", TestPdfs.withText("行程")));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"itinerary\"");
    }

    @Test
    void anAnnouncementWithAnAttachmentPdfHasItsAttachmentTextFilledAndChecked() throws Exception {
        HttpResponse<String> response = post(form(announcement(), "attachment", "招生簡章.pdf",
                TestPdfs.withText("夏令營行程：參觀愛國主義教育基地")));

        assertThat(response.code()).isEqualTo(201);
        JsonNode filing = json(response);
        assertThat(evidenceFields(filing, "CONTENT.POLITICAL")).contains("attachmentText");
        JsonNode kept = record(filing.get("receipt").asText());
        assertThat(kept.get("versions").get(0).get("submission").get("attachmentText").asText())
                .contains("參觀愛國主義教育基地");
        assertThat(attachments()).isEqualTo(1);
    }

    @Test
    void anItineraryPartOnAnAnnouncementIsRefusedOnTheItinerary() throws Exception {
        HttpClientResponseException e = refused(form(announcement(), "itinerary", "itinerary.pdf", TestPdfs.withText("行程")));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("itinerary");
        assertNothingStored();
    }

    @Test
    void aChangeNoticeWithANewItineraryPdfPutsItsTextIntoTheChangesAndKeepsThePdfWithTheChange() throws Exception {
        ObjectNode registration = registration();
        registration.put("itineraryText", "7/6 開幕 7/10 結業");
        HttpResponse<String> first = client.toBlocking().exchange(HttpRequest.POST("/api/submissions", registration.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, accounts.filer(school)), String.class);
        String receipt = json(first).get("receipt").asText();
        ObjectNode change = JSON.createObjectNode();
        change.put("type", "CHANGE");
        change.put("registrationId", receipt);
        change.put("changeOccurredOn", "2026-05-20");
        change.putObject("changes");
        change.put("reason", "行程調整");

        JsonNode filing = json(post(form(change, "itinerary", "新行程.pdf", TestPdfs.withText(PATRIOTIC_VISIT))));

        assertThat(filing.get("version").asInt()).isEqualTo(2);
        assertThat(filing.get("findings").toString()).contains("CONTENT.POLITICAL");
        JsonNode second = record(receipt).get("versions").get(1);
        assertThat(second.get("submission").get("changes").get("itineraryText").asText()).contains("參觀愛國主義教育基地");
        assertThat(attachments()).isEqualTo(1);
    }

    @Test
    void aPostActivityReportTakesNoFile() throws Exception {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "POST_ACTIVITY_REPORT");
        report.put("registrationId", "1150101-999999");
        report.put("held", "NOT_HELD");

        HttpClientResponseException e = refused(form(report, "itinerary", "itinerary.pdf", TestPdfs.withText("行程")));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(body(e))).containsExactly("itinerary");
    }

    @Test
    void theKeptItineraryIsServedAsThePdfUnderItsChineseName() throws Exception {
        byte[] pdf = TestPdfs.withText(PATRIOTIC_VISIT);
        String receipt = json(post(form(registration(), "itinerary", "行程表 v2.pdf", pdf))).get("receipt").asText();
        JsonNode listed = record(receipt).get("versions").get(0).get("attachments").get(0);
        assertThat(listed.get("filename").asText()).isEqualTo("行程表 v2.pdf");
        assertThat(listed.get("field").asText()).isEqualTo("itineraryText");
        long id = listed.get("id").asLong();

        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(listed.get("href").asText())
                .header(TestAccounts.AUTHORIZATION, accounts.filer(school)), byte[].class);

        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.getContentType().orElseThrow().toString()).isEqualTo("application/pdf");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("inline; filename=\"___ v2.pdf\"; filename*=UTF-8''%E8%A1%8C%E7%A8%8B%E8%A1%A8%20v2.pdf");
        assertThatThrownBy(() -> client.toBlocking().exchange(
                HttpRequest.GET("/api/submissions/1150101-999999/attachments/" + id)
                        .header(TestAccounts.AUTHORIZATION, accounts.filer(school)), byte[].class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
