package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.RawHttp.Answer;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;

/**
 * The PDF bombs of issue 7, each uploaded as a registration's itinerary with the default limits
 * (straitcheck.uploads.pdf): each is refused with 422 on the itinerary within a few seconds, the
 * heap grows by far less than the file expands to, and the service answers a ping afterwards.
 * The figures are printed for docs/reliability.md.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class PdfBombTest {

    /** A bomb took 196 s and the heap before; now each must be refused within this. */
    private static final long MAX_MILLIS = 10_000;
    /** Used heap (garbage included) may grow by at most this while one bomb is read; the 30 MB bomb once took all of it. */
    private static final long MAX_HEAP_GROWTH = 512L * 1024 * 1024;

    private static final String SCHOOL = "B" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    private RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(server.getURI()).as(accounts.filer(SCHOOL));
    }

    private record Refusal(Answer answer, long millis, long heapGrowth) {
    }

    private Refusal upload(String name, byte[] pdf) {
        byte[] submission = Fixtures.visit(SCHOOL).toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = RawHttp.multipart("bomb", "submission", null, "application/json", submission,
                "itinerary", name + ".pdf", "application/pdf", pdf);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        Answer answer = http.send("POST", "/api/submissions", "multipart/form-data; boundary=bomb", body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        done.set(true);
        Refusal refusal = new Refusal(answer, millis, Math.max(0, peak.get() - before));
        System.out.printf("PDF bomb %s: %d bytes on the wire, %d in %d ms, heap growth at most %d MB%n", name, pdf.length,
                answer.status(), millis, refusal.heapGrowth() / (1024 * 1024));
        return refusal;
    }

    private void assertRefusedQuicklyAndStillAnswering(Refusal refusal, String expected) {
        assertThat(refusal.answer().status()).as(refusal.answer().body()).isEqualTo(422);
        assertThat(refusal.answer().shapeProblem()).isEmpty();
        assertThat(refusal.answer().json().get("errors").get(0).get("field").asText()).isEqualTo("itinerary");
        assertThat(refusal.answer().json().get("errors").get(0).get("message").get("en").asText()).contains(expected);
        assertThat(refusal.millis()).isLessThan(MAX_MILLIS);
        assertThat(refusal.heapGrowth()).isLessThan(MAX_HEAP_GROWTH);
        assertThat(http.get("/api/ping").status()).isEqualTo(200);
    }

    @Test
    void aSmallPdfWhoseTextStreamExpandsTo30MegabytesIsRefusedWithinSecondsAndTheServiceStillAnswers() throws Exception {
        byte[] pdf = PdfBombs.textStreamExpandingTo(30);
        assertThat(pdf.length).isLessThan(200 * 1024);

        assertRefusedQuicklyAndStillAnswering(upload("text-stream-30MB", pdf), "decompress");
    }

    @Test
    void aPdfOfFiveMillionCharactersIsRefusedForItsTextAndNothingIsStored() throws Exception {
        byte[] pdf = PdfBombs.characters(5_000_000);
        assertThat(pdf.length).isLessThan(200 * 1024);

        assertRefusedQuicklyAndStillAnswering(upload("five-million-characters", pdf), "characters");
    }

    @Test
    void oneHundredMegabyteStreamSharedByOneHundredPagesIsRefusedWithinSeconds() throws Exception {
        byte[] pdf = PdfBombs.sharedStream(100, 100);
        assertThat(pdf.length).isLessThan(1024 * 1024);

        assertRefusedQuicklyAndStillAnswering(upload("shared-stream-100MB-100-pages", pdf), "decompress");
    }

    @Test
    void fourBombsAtOnceAreAllRefusedAndAPingStillAnswersMeanwhile() throws Exception {
        byte[] pdf = PdfBombs.sharedStream(100, 100);
        java.util.List<Thread> uploads = new java.util.ArrayList<>();
        java.util.List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> statuses.add(upload("shared-stream-x4", pdf).answer().status()));
            uploads.add(t);
            t.start();
        }
        long started = System.nanoTime();
        assertThat(http.get("/api/ping").status()).isEqualTo(200);
        long pingMillis = (System.nanoTime() - started) / 1_000_000;
        for (Thread t : uploads) {
            t.join(60_000);
        }
        System.out.printf("PDF bombs x4: ping during them answered in %d ms%n", pingMillis);
        assertThat(statuses).containsExactly(422, 422, 422, 422);
        assertThat(pingMillis).isLessThan(5_000);
    }

    @Test
    void aRealisticItineraryOfThirtyPagesIsStillAccepted() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int day = 1; day <= 30; day++) {
            text.append("第").append(day).append("天 參訪浙江海洋大學 學術交流座談 ");
        }
        byte[] pdf = TestPdfs.withText(text.toString());
        byte[] submission = Fixtures.visit(SCHOOL).toString()
                .getBytes(StandardCharsets.UTF_8);
        Answer answer = http.send("POST", "/api/submissions", "multipart/form-data; boundary=ok",
                RawHttp.multipart("ok", "submission", null, "application/json", submission,
                        "itinerary", "itinerary.pdf", "application/pdf", pdf));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}
