package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;

/**
 * A results report's photos over real HTTP multipart (RESULTS_SYSTEM 4-3: 以6張為限): JPEG and PNG
 * checked by content, each at most 5 MB with a caption, refused field by field in both languages;
 * each change a new version; served back with their type and nosniff; shown in the PDF.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReportPhotoApiTest {

    private static final String BOUNDARY = "photo-boundary-7d3";

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ApprovedSubsidy subsidy;

    @BeforeEach
    void aReportFiledOnAnApprovedSubsidy() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        subsidy = new ApprovedSubsidy(URI.create(server.getURL().toString()), accounts).approved();
        clock.setDay(LocalDate.of(2026, 10, 5));
        subsidy.fileReport();
    }

    static byte[] image(String format, Color color) {
        BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.fillOval(100, 40, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ApprovedSubsidy.Answer add(String filename, String type, byte[] content, String caption) {
        List<Object> parts = new ArrayList<>(List.of("photo", filename, type, content));
        if (caption != null) {
            parts.addAll(Arrays.asList("caption", null, "text/plain; charset=UTF-8", caption.getBytes(StandardCharsets.UTF_8)));
        }
        return subsidy.multipart("/api/submissions/" + subsidy.receipt + "/photos", subsidy.filer, BOUNDARY,
                RawHttp.multipart(BOUNDARY, parts.toArray()));
    }

    private static JsonNode refusal(ApprovedSubsidy.Answer answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        JsonNode errors = ApprovedSubsidy.json(answer).get("errors");
        for (JsonNode e : errors) {
            if (e.get("field").asText().equals(field)) {
                assertThat(e.get("message").get("zh").asText()).isNotBlank();
                assertThat(e.get("message").get("en").asText()).isNotBlank();
                return e;
            }
        }
        throw new AssertionError("no error on " + field + ": " + errors);
    }

    private JsonNode record() {
        return ApprovedSubsidy.json(subsidy.get("/api/submissions/" + subsidy.receipt, subsidy.filer));
    }

    private JsonNode latestPhotos() {
        JsonNode versions = record().get("versions");
        return versions.get(versions.size() - 1).get("photos");
    }

    @Test
    void jpegAndPngPhotosWithCaptionsAreKeptWithEachNewVersionServedBackAndPrinted() throws IOException {
        byte[] jpeg = image("jpg", new Color(30, 90, 160));
        ApprovedSubsidy.Answer first = add("開幕.jpg", "image/jpeg", jpeg, "開幕式：兩校師生合影");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(ApprovedSubsidy.json(first).get("version").asInt()).isEqualTo(3);
        ApprovedSubsidy.Answer second = add("workshop.png", "image/png", image("png", new Color(20, 130, 70)),
                "海洋教育工作坊");
        assertThat(second.status()).as(second.text()).isEqualTo(201);

        JsonNode photos = latestPhotos();
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).get("caption").asText()).isEqualTo("開幕式：兩校師生合影");
        assertThat(photos.get(1).get("contentType").asText()).isEqualTo("image/png");

        ApprovedSubsidy.Answer served = subsidy.get(photos.get(0).get("href").asText(), subsidy.filer);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(served.response().headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(served.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(subsidy.get(photos.get(0).get("href").asText(), accounts.filer("other-" + subsidy.school)).status())
                .isEqualTo(404);

        // filing the report again keeps its photos; removing one is a version of its own
        subsidy.fileReport();
        assertThat(latestPhotos()).hasSize(2);
        ApprovedSubsidy.Answer removed = subsidy.send("DELETE", "/api/submissions/" + subsidy.receipt + "/photos/"
                + photos.get(0).get("id").asLong(), subsidy.filer, null);
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(latestPhotos()).hasSize(1);
        assertThat(record().get("versions").get(3).get("photos")).hasSize(2); // the earlier version reads as filed

        ApprovedSubsidy.Answer pdf = subsidy.get("/api/submissions/" + subsidy.receipt + "/results-report.pdf",
                subsidy.filer);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("圖片一", "海洋教育工作坊");
            ResultsReportPdfTest.picture(document, document.getNumberOfPages() - 1,
                    "results-report-pdf-photos.png");
        }
    }

    @Test
    void aGifARenamedTextFileAnOversizedFileAndAMissingCaptionAreRefusedFieldByField() {
        refusal(add("photo.gif", "image/gif", image("gif", Color.RED), "說明"), "photos[0]");
        refusal(add("photo.jpg", "image/jpeg", "這不是照片，只是文字。".getBytes(StandardCharsets.UTF_8), "說明"),
                "photos[0]");
        byte[] big = Arrays.copyOf(image("png", Color.BLUE), 5 * 1024 * 1024 + 1);
        JsonNode tooLarge = refusal(add("big.png", "image/png", big, "說明"), "photos[0]");
        assertThat(tooLarge.get("message").get("en").asText()).contains("5 MB");
        refusal(add("ok.jpg", "image/jpeg", image("jpg", Color.GRAY), null), "photos[0].caption");
        refusal(add("ok.jpg", "image/jpeg", image("jpg", Color.GRAY), "   "), "photos[0].caption");
        refusal(add("ok.jpg", "image/jpeg", image("jpg", Color.GRAY), "長".repeat(101)), "photos[0].caption");
        byte[] truncated = Arrays.copyOf(image("png", Color.BLUE), 40);
        refusal(add("cut.png", "image/png", truncated, "說明"), "photos[0]");
        assertThat(latestPhotos()).isEmpty();
        assertThat(record().get("versions")).hasSize(2); // nothing refused was stored
    }

    @Test
    void aSeventhPhotoIsRefused() {
        for (int i = 1; i <= 6; i++) {
            assertThat(add("p" + i + ".jpg", "image/jpeg", image("jpg", new Color(i * 30, 60, 90)), "照片 " + i).status())
                    .isEqualTo(201);
        }
        refusal(add("p7.jpg", "image/jpeg", image("jpg", Color.BLACK), "照片 7"), "photos");
        assertThat(latestPhotos()).hasSize(6);
    }

    @Test
    void photosAreRefusedAfterTheReportsDueAndForAnotherSchool() {
        assertThat(subsidy.multipart("/api/submissions/" + subsidy.receipt + "/photos",
                accounts.filer("other-" + subsidy.school), BOUNDARY, RawHttp.multipart(BOUNDARY, "photo", "a.jpg",
                        "image/jpeg", image("jpg", Color.GRAY), "caption", null, "text/plain", "x".getBytes()))
                .status()).isEqualTo(404);
        clock.setDay(LocalDate.of(2026, 11, 19)); // the day after its due, 2026-11-18
        assertThat(add("late.jpg", "image/jpeg", image("jpg", Color.GRAY), "遲交").status()).isEqualTo(409);
    }
}
