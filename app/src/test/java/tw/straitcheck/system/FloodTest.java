package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.RawHttp.Answer;
import tw.straitcheck.RawHttp;

/**
 * Issue 7's flood: 16 clients send large bodies without pause (6.9 MB JSON, refused with 413; a
 * body just under the 1 MB JSON cap with a 190,000-character itinerary, checked in full; 250,000
 * partners), while one ordinary client checks the spec's registration and pings. A liveness bound,
 * not a benchmark: each ordinary check must answer within {@value #BOUND_MILLIS} ms, each ping too,
 * and no flood request may get a 5xx. The figures are printed for docs/reliability.md.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class FloodTest {

    static final int FLOODERS = 16;
    static final long FLOOD_MILLIS = 8_000;
    static final long BOUND_MILLIS = 5_000;

    @Inject
    EmbeddedServer server;

    @Test
    void sixteenClientsSendingLargeBodiesLeaveOrdinaryChecksAndPingsAnsweringWithinFiveSeconds() throws Exception {
        RawHttp http = new RawHttp(server.getURI());
        byte[] huge = new byte[6_900_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        ObjectNode nearCap = Fixtures.visit("FL0001");
        nearCap.put("itineraryText", "行".repeat(190_000).replaceAll("(.{100})", "$1 參觀 "));
        byte[] nearCapBody = nearCap.toString().getBytes(StandardCharsets.UTF_8);
        ObjectNode partners = Fixtures.visit("FL0002");
        ArrayNode list = partners.putArray("mainlandPartners");
        for (int i = 0; i < 250_000; i++) {
            list.add("p");
        }
        byte[] partnersBody = partners.toString().getBytes(StandardCharsets.UTF_8);
        List<byte[]> bodies = List.of(huge, nearCapBody, partnersBody);

        Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong peakHeap = new AtomicLong();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS + 1);
        for (int c = 0; c < FLOODERS; c++) {
            int client = c;
            flood.submit(() -> {
                for (int i = 0; flooding.get(); i++) {
                    byte[] body = bodies.get((client + i) % bodies.size());
                    int status;
                    try {
                        status = http.send("POST", "/api/checks?asOf=2026-05-20", "application/json", body).status();
                    } catch (RuntimeException e) {
                        status = -1; // the server may close a connection whose body it refused unread
                    }
                    floodStatuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        flood.submit(() -> {
            while (flooding.get()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        String ordinary = Fixtures.specExample("FL0003").toString();
        List<Long> checkMillis = new ArrayList<>();
        List<Long> pingMillis = new ArrayList<>();
        long end = System.nanoTime() + FLOOD_MILLIS * 1_000_000;
        Thread.sleep(500); // the flood under way
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            Answer check = http.postJson("/api/checks?asOf=2026-05-20", ordinary);
            checkMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            started = System.nanoTime();
            assertThat(http.get("/api/ping").status()).isEqualTo(200);
            pingMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        flooding.set(false);
        flood.shutdown();
        assertThat(flood.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        Map<Integer, Integer> statuses = new TreeMap<>();
        floodStatuses.forEach((s, n) -> statuses.put(s, n.get()));
        System.out.printf("flood: %d clients for %d ms, flood statuses %s; %d ordinary checks, slowest %d ms; %d pings, slowest %d ms; "
                        + "peak heap %d MB%n", FLOODERS, FLOOD_MILLIS, statuses, checkMillis.size(),
                checkMillis.stream().mapToLong(Long::longValue).max().orElse(0), pingMillis.size(),
                pingMillis.stream().mapToLong(Long::longValue).max().orElse(0), peakHeap.get() / (1024 * 1024));
        assertThat(checkMillis).isNotEmpty().allSatisfy(ms -> assertThat(ms).isLessThan(BOUND_MILLIS));
        assertThat(pingMillis).allSatisfy(ms -> assertThat(ms).isLessThan(BOUND_MILLIS));
        assertThat(statuses.keySet()).allSatisfy(s -> assertThat(s).isLessThan(500));
        assertThat(statuses).containsKeys(413);
    }
}
