package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each limit of straitcheck.uploads.pdf refuses a file just over it, and names the limit. */
class PdfLimitsTest {

    private static final PdfLimits SMALL = new PdfLimits(2, 50, 4096, Duration.ofSeconds(5), 1);

    private static String refusal(byte[] pdf) {
        PdfFiles.Read read = PdfFiles.read(FilePart.ITINERARY, "itinerary.pdf", pdf, SMALL);
        assertThat(read).isInstanceOf(PdfFiles.Refused.class);
        return ((PdfFiles.Refused) read).error().en();
    }

    @Test
    void aPdfOfThreePagesIsRefusedWhenTwoAreAllowed() throws Exception {
        assertThat(refusal(PdfBombs.sharedStream(3, 0))).contains("3 pages").contains("limit of 2");
    }

    @Test
    void aPdfOf51CharactersIsRefusedWhen50AreAllowed() throws Exception {
        assertThat(refusal(PdfBombs.characters(101))).contains("more than 50 characters");
    }

    @Test
    void aPdfWhoseContentDecompressesBeyondTheLimitIsRefused() throws Exception {
        assertThat(refusal(PdfBombs.textStreamExpandingTo(1))).contains("decompress");
    }

    @Test
    void aPdfWithinEveryLimitIsAcceptedWithItsText() throws Exception {
        PdfFiles.Read read = PdfFiles.read(FilePart.ITINERARY, "itinerary.pdf", TestPdfs.withText("7/6 開幕"), SMALL);

        assertThat(read).isInstanceOf(PdfFiles.Accepted.class);
        assertThat(((PdfFiles.Accepted) read).upload().text()).isEqualTo("7/6 開幕");
    }
}
