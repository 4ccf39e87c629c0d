package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Browser;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * The subsidy journey in a real browser: a school user applies for a subsidy in the form (a
 * pre-check first, then the application), a reviewer approves it with an amount (the API, with a
 * token), the school files the results report in the form with two photos, and downloads its PDF;
 * the reviewer reads the execution rates. Screenshots in both languages.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SubsidyBrowserTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private static Path photo(String name, Color color, String format) throws IOException {
        Path file = Files.createTempFile(name, "." + format);
        Files.write(file, ReportPhotoApiTest.image(format, color));
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aSchoolAppliesInTheFormIsApprovedFilesTheResultsReportWithTwoPhotosAndDownloadsItsPdf() throws IOException {
        clock.setDay(LocalDate.of(2026, 5, 20));
        ApprovedSubsidy subsidy = new ApprovedSubsidy(URI.create(server.getURL().toString()), accounts);
        String user = TestAccounts.filerName(subsidy.school);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn(user, TestAccounts.PASSWORD);
            subsidy.receipt = SubsidyFormSteps.apply(browser, subsidy);
            SubsidyFormSteps.approve(subsidy);

            clock.setDay(LocalDate.of(2026, 10, 5));
            browser.go("/school/records/" + subsidy.receipt + "/results-report");
            assertThat(browser.text()).contains("成果報告", "3-2. 經費執行情形", "2026/11/18");
            browser.type("expenditure[0].item", "交通費").type("expenditure[0].approved", "217500")
                    .type("expenditure[0].actual", "200000").type("expenditure[0].note", "機票議價");
            browser.type("expenditure[1].item", "住宿費").type("expenditure[1].approved", "100000")
                    .type("expenditure[1].actual", "100000");
            browser.type("progress[0].item", "計畫成果彙整與經費核銷").type("progress[0].plannedCompletion", "2026-10-31")
                    .type("progress[0].percent", "100");
            browser.type("outcomes[0].expected", "學生能洞察並聚焦感興趣的全球議題").type("outcomes[0].note", "完成專題報告");
            browser.type("highlights", "兩校學生共同完成海洋教育專題。");
            SubsidyFormSteps.submit(browser, "form.results-form button[type=submit]");
            // the approved amounts do not add up to the approved total: shown again, next to the table, values kept
            assertThat(browser.text()).contains("337500");
            assertThat(browser.field("expenditure[1].approved").getAttribute("value")).isEqualTo("100000");
            assertThat(browser.all(".field-error")).isNotEmpty();

            browser.type("expenditure[1].approved", "120000").type("expenditure[1].actual", "120000");
            SubsidyFormSteps.submit(browser, "form.results-form button[type=submit]");
            assertThat(browser.text()).contains("已存檔", "91.95 %", "100.00 %", "94.81 %");

            browser.field("photo").sendKeys(photo("opening", new Color(30, 90, 160), "jpg").toString());
            browser.type("caption", "開幕式：兩校師生合影");
            SubsidyFormSteps.submit(browser, "form.add-photo button[type=submit]");
            browser.field("photo").sendKeys(photo("workshop", new Color(20, 130, 70), "png").toString());
            SubsidyFormSteps.submit(browser, "form.add-photo button[type=submit]");
            assertThat(browser.text()).contains("請填寫照片說明"); // no caption: refused next to its field
            browser.field("photo").sendKeys(photo("workshop", new Color(20, 130, 70), "png").toString());
            browser.type("caption", "海洋教育工作坊");
            SubsidyFormSteps.submit(browser, "form.add-photo button[type=submit]");
            assertThat(browser.all("figure.photo")).hasSize(2);
            assertThat(browser.text()).contains("活動照片（2／6 張）", "海洋教育工作坊");
            browser.go("/school/records/" + subsidy.receipt + "/results-report");
            browser.screenshot("results-report-form");
            browser.language("en");
            assertThat(browser.text()).contains("Results report", "Execution rate:", "94.81 %");
            browser.screenshot("results-report-form");
            browser.language("zh-TW");

            String href = browser.find("a[href$='results-report.pdf']").getAttribute("href");
            ApprovedSubsidy.Answer pdf = subsidy.get(URI.create(href).getPath(), subsidy.filer);
            assertThat(pdf.status()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("94.81 %", "開幕式：兩校師生合影",
                        "海洋教育工作坊");
            }
            browser.logOut();

            String reviewer = "reviewer-" + subsidy.school + "@moe.gov.tw";
            browser.logIn(reviewer, TestAccounts.PASSWORD);
            browser.go("/review/records/" + subsidy.receipt + "/results-report");
            assertThat(browser.text()).contains("成果報告審閱", "91.95 %", "94.81 %", "海洋教育工作坊");
            browser.screenshot("results-report-review");
            browser.language("en");
            assertThat(browser.text()).contains("Results report review", "Execution rate:");
            browser.screenshot("results-report-review");
        }
    }
}
