package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.TestAccounts;

/**
 * The printable PDFs over real HTTP: the results report in the seed's layout (headings 1 to 4-3,
 * approved and actual amounts, each item's execution rate and the overall one as the catalogue
 * rounds them, a place for the seals) and the record with its findings and quoted citations; the
 * Chinese font is embedded; another school gets 404.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ResultsReportPdfTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    @BeforeEach
    void onTheDayOfFiling() {
        clock.setDay(LocalDate.of(2026, 5, 20));
    }

    private ApprovedSubsidy subsidy() {
        return new ApprovedSubsidy(URI.create(server.getURL().toString()), accounts).approved();
    }

    @Test
    void theResultsReportPdfHasTheSeedsSectionsAmountsAndRatesInAnEmbeddedChineseFont() throws IOException {
        ApprovedSubsidy subsidy = subsidy();
        assertThat(subsidy.get("/api/submissions/" + subsidy.receipt + "/results-report.pdf", subsidy.filer).status())
                .isEqualTo(404);
        clock.setDay(LocalDate.of(2026, 10, 5));
        subsidy.fileReport();

        ApprovedSubsidy.Answer pdf = subsidy.get("/api/submissions/" + subsidy.receipt + "/results-report.pdf",
                subsidy.filer);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("成果報告", "1. 學校基本資料表", "2. 計畫基本資料表", "3-1. 工作進度",
                    "3-2. 經費執行情形", "4-1. 成效評估", "4-3. 執行成果", "承辦單位主任核章", "校長（機關首長）核章",
                    "國立澎湖高級海事水產職業學校", "兩岸海洋教育論壇", subsidy.receipt);
            assertThat(text).contains("217,500", "200,000", "120,000", "337,500", "320,000");
            assertThat(text).contains("91.95 %", "100.00 %", "94.81 %", "教育部經費收支結算表：已檢附", "已達成");
            assertThat(fontNames(document)).anyMatch(name -> name.contains("WenQuanYi"));
            assertThat(embedded(document)).isTrue();
            picture(document, "results-report-pdf.png");
        }
        // the reviewer prints it too; another school does not see it
        assertThat(subsidy.get("/api/submissions/" + subsidy.receipt + "/results-report.pdf", subsidy.reviewer)
                .status()).isEqualTo(200);
        String other = accounts.filer("other-" + subsidy.school);
        assertThat(subsidy.get("/api/submissions/" + subsidy.receipt + "/results-report.pdf", other).status())
                .isEqualTo(404);
    }

    @Test
    void theResultsReportPdfIsInEnglishForAnEnglishReader() throws IOException {
        ApprovedSubsidy subsidy = subsidy();
        clock.setDay(LocalDate.of(2026, 10, 5));
        subsidy.fileReport();
        ApprovedSubsidy.Answer pdf = subsidy.send(java.net.http.HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/submissions/" + subsidy.receipt + "/results-report.pdf"))
                .header("Cookie", "lang=en"), subsidy.filer);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("3-2. Spending", "Execution rate:", "94.81 %",
                    "交通費");
        }
    }

    @Test
    void theRecordPdfHasTheVerdictEveryFindingWithItsQuotedCitationAndDueDateAndTheRulebaseVersion()
            throws IOException {
        ApprovedSubsidy subsidy = subsidy();
        ApprovedSubsidy.Answer pdf = subsidy.get("/api/submissions/" + subsidy.receipt + "/record.pdf", subsidy.filer);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        var record = ApprovedSubsidy.json(subsidy.get("/api/submissions/" + subsidy.receipt, subsidy.filer));
        var version = record.get("versions").get(0);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace("\n", "");
            assertThat(text).contains(subsidy.receipt, "已核定補助", "新臺幣 337,500 元",
                    version.get("rulebaseVersion").asText());
            for (var finding : version.get("findings")) {
                assertThat(text).contains(finding.get("title").get("zh").asText());
                String quoted = finding.get("citations").get(0).get("text").asText().replace("\n", "");
                assertThat(text).contains(quoted.substring(0, Math.min(12, quoted.length())));
                if (finding.hasNonNull("due")) {
                    assertThat(text).contains(finding.get("due").asText().replace('-', '/'));
                }
            }
            assertThat(embedded(document)).isTrue();
            picture(document, "record-pdf.png");
        }
        assertThat(subsidy.get("/api/submissions/" + subsidy.receipt + "/record.pdf",
                accounts.filer("other-" + subsidy.school)).status()).isEqualTo(404);
    }

    /** The first page as the reader sees it, for docs/screenshots (and for a person to look at). */
    static void picture(PDDocument document, String name) throws IOException {
        picture(document, 0, name);
    }

    static void picture(PDDocument document, int page, String name) throws IOException {
        java.nio.file.Path dir = ProjectFiles.root().resolve("docs/screenshots");
        java.nio.file.Files.createDirectories(dir);
        javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 110), "png",
                dir.resolve(name).toFile());
    }

    private static java.util.List<String> fontNames(PDDocument document) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                names.add(page.getResources().getFont(name).getName());
            }
        }
        return names;
    }

    private static boolean embedded(PDDocument document) throws IOException {
        var page = document.getPage(0);
        for (var name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            if (!font.isEmbedded()) {
                return false;
            }
        }
        return page.getResources().getFontNames().iterator().hasNext();
    }
}
