package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.RawHttp.Answer;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;
import tw.straitcheck.submission.FieldLimits;

/**
 * Issue 7's fuzzer, bounded and repeatable: a fixed seed, 4,000 requests across every
 * endpoint, made from the baselines' fields, the field table's limits ({@link FieldLimits}) and the
 * hostile values the issue lists. No answer may be a 5xx; every 4xx must be in the one error shape,
 * in both languages, with its correlation id and nothing internal; and afterwards the service still
 * checks and answers a ping. The status counts are written to target/fuzz-figures.txt. Another run:
 * {@code -Dfuzz.seed=… -Dfuzz.requests=…}.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class FuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 4000);
    static final int CLIENTS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Raw JSON put where a placeholder text stands: what a JSON library will not write itself. */
    private static final Map<String, String> RAW = Map.of(
            "\"@@LONE_SURROGATE@@\"", "\"\\ud800x\"",
            "\"@@HUGE_NUMBER@@\"", "1e400",
            "\"@@LONG_NUMBER@@\"", "123456789012345678901234567890",
            "\"@@DEEP@@\"", "[".repeat(1001) + "]".repeat(1001),
            "\"@@NUL_ESCAPE@@\"", "\"a\\u0000b\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    /** A school user's token (of F000001), sent with every request that does not name another. */
    private String filer;
    private String reviewer;

    private RawHttp http;
    private final List<String> receipts = new ArrayList<>();
    private final List<String> findingIds = new ArrayList<>();

    private static final List<String> HOSTILE_TEXTS = List.of("a\u0000b", "\u0000", "%00", "' OR '1'='1", "<script>alert(1)</script>",
            "../../etc/passwd", "${jndi:ldap://x/a}", "\u202Eabc", "😀".repeat(120), "\n\t\r", "　", "null", "0",
            "0".repeat(100_000), "x".repeat(1001), "@@LONE_SURROGATE@@", "@@NUL_ESCAPE@@", "+999999999-12-31",
            "2026-02-30", "0000-01-01", "2026-13-01", "-1", "GRADE_11_OR_ABOVE ", "OTHER", "浙江省", "北京市");
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "a%00b", "%2e%2e", "..%2F..%2Fetc", "%FF%FE", "%E2%80%AE",
            "x".repeat(300), "1150520-000001", "-1", "99999999999999999999", "%20", "%0A", "'%20OR%201=1", "%C0%80",
            "ACT", "HANDBOOK", "art%209(4)", "%F0%9F%98%80", "0", "null");
    private static final List<String> HOSTILE_QUERY = List.of("", "%00", ",", ",,", "IN_REVIEW,", "LOST", "-1", "0", "101",
            "99999999999999999999", "2026-02-30", "%2B999999999-12-31", "x".repeat(500), "'%20OR%201=1", "PENDING", "ACCEPTED,IN_REVIEW",
            "%FF", "2026-05-20");

    @Test
    void thousandsOfHostileRequestsAcrossEveryEndpointGetNo5xxAndEvery4xxIsInTheErrorShape() throws Exception {
        filer = accounts.bearer("fuzz0@example.edu.tw", Role.SCHOOL_USER, "F000001");
        reviewer = accounts.reviewer("fuzz-reviewer@moe.gov.tw");
        http = new RawHttp(server.getURI()).as(filer);
        seedRecords();
        Random random = new Random(SEED);
        List<Supplier<Outcome>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request(random, i));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (Supplier<Outcome> request : requests) {
            clients.submit(() -> {
                try {
                    Outcome outcome = request.get();
                    statuses.computeIfAbsent(outcome.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (outcome.status() >= 500 || !outcome.problem().isEmpty()) {
                        problems.add(outcome.what() + " → " + outcome.status() + " " + outcome.problem());
                    }
                } catch (RuntimeException e) {
                    problems.add("client failed: " + e);
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        String figures = "fuzz: seed " + SEED + ", " + REQUESTS + " requests, " + CLIENTS + " clients, " + millis + " ms; statuses "
                + counts + "; problems " + problems.size() + System.lineSeparator();
        System.out.print(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-figures.txt"), figures);

        assertThat(problems).as("answers that are a 5xx or not in the error shape").isEmpty();
        assertThat(http.get("/api/ping").status()).isEqualTo(200);
        assertThat(http.postJson("/api/checks?asOf=2026-05-20", Fixtures.visit("013301").toString()).status()).isEqualTo(200);
    }

    private record Outcome(String what, int status, String problem) {
    }

    private Outcome judged(String what, Answer answer) {
        String problem = "";
        if (answer.status() >= 400) {
            problem = answer.shapeProblem();
        } else if (answer.status() >= 200 && answer.status() < 300 && !answer.body().isEmpty()
                && answer.response().headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                JSON.readTree(answer.body());
            } catch (IOException e) {
                problem = "a success that is not JSON";
            }
        }
        return new Outcome(what, answer.status(), problem);
    }

    private void seedRecords() throws IOException {
        for (int i = 0; i < 4; i++) {
            ObjectNode json = Fixtures.specExample("F" + i + "00001");
            String own = accounts.bearer("fuzz" + i + "@example.edu.tw", Role.SCHOOL_USER, "F" + i + "00001");
            Answer filed = http.postJson("/api/submissions", json.toString(), "Authorization", own);
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            String receipt = filed.json().get("receipt").asText();
            receipts.add(receipt);
            JsonNode record = http.send("GET", "/api/submissions/" + receipt, null, null, "Authorization", own).json();
            record.findValues("id").forEach(id -> findingIds.add(id.asText()));
        }
        ObjectNode subsidy = Fixtures.baseline("subsidy-application");
        ((ObjectNode) subsidy.get("applicant")).put("code", "F900001");
        Answer filed = http.postJson("/api/submissions", subsidy.toString(), "Authorization",
                accounts.bearer("fuzz9@example.edu.tw", Role.SCHOOL_USER, "F900001"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        receipts.add(filed.json().get("receipt").asText());
        findingIds.add("1");
        findingIds.add("abc");
    }

    // --- what is sent

    private static final List<String> BASELINES = List.of("visit", "teachers-visit", "change", "post-activity-report", "announcement",
            "subsidy-application", "results-report");

    private Supplier<Outcome> request(Random random, int i) {
        int kind = random.nextInt(100);
        String receipt = pick(random, receipts);
        if (kind < 30) {
            String body = hostileBody(random);
            String asOf = random.nextInt(4) == 0 ? "?asOf=" + pick(random, HOSTILE_QUERY) : "?asOf=2026-05-20";
            return () -> judged("check " + i, http.postJson("/api/checks" + asOf, body));
        }
        if (kind < 48) {
            String body = hostileBody(random);
            String[] headers = headers(random);
            return () -> judged("file " + i, http.postJson("/api/submissions", body, headers));
        }
        if (kind < 56) {
            byte[] multipart = multipart(random);
            String contentType = random.nextInt(10) == 0 ? pick(random, List.of("multipart/form-data; boundary=",
                    "multipart/form-data", "multipart/form-data; boundary=other", "multipart/mixed; boundary=fz"))
                    : "multipart/form-data; boundary=fz";
            return () -> judged("upload " + i, http.send("POST", "/api/submissions", contentType, multipart));
        }
        if (kind < 60) {
            String body = hostileBody(random);
            String target = random.nextBoolean() ? receipt : pick(random, HOSTILE_SEGMENTS);
            return () -> judged("resubmit " + i, http.send("PUT", "/api/submissions/" + target, "application/json",
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        if (kind < 72) {
            String segment = random.nextBoolean() ? receipt : pick(random, HOSTILE_SEGMENTS);
            String other = pick(random, HOSTILE_SEGMENTS);
            String path = switch (random.nextInt(7)) {
                case 0 -> "/api/submissions/" + segment;
                case 1 -> "/api/submissions/" + segment + "/attachments/" + other;
                case 2 -> "/api/rules/" + other;
                case 3 -> "/api/sources/" + other;
                case 4 -> "/api/sources/" + pick(random, List.of("ACT", "HANDBOOK", other)) + "/" + other;
                case 5 -> pick(random, List.of("/api/rules", "/api/sources", "/api/ping", "/api/review/keyword-stats"));
                default -> "/api/" + other;
            };
            String method = random.nextInt(8) == 0 ? pick(random, List.of("DELETE", "PATCH", "OPTIONS", "PUT")) : "GET";
            return () -> judged(method + " " + path, http.send(method, path, null, null));
        }
        if (kind < 80) {
            StringBuilder query = new StringBuilder("/api/review/queue?");
            for (String p : List.of("status", "school", "ruleId", "from", "to", "page", "size")) {
                if (random.nextInt(3) == 0) {
                    query.append(p).append('=').append(pick(random, HOSTILE_QUERY)).append('&');
                }
            }
            return () -> judged("queue " + query, http.get(query.toString()));
        }
        if (kind < 85) {
            StringBuilder query = new StringBuilder("/api/outbox?");
            for (String p : List.of("status", "receipt", "limit")) {
                if (random.nextInt(2) == 0) {
                    query.append(p).append('=').append(p.equals("receipt") && random.nextBoolean() ? receipt : pick(random, HOSTILE_QUERY))
                            .append('&');
                }
            }
            return () -> judged("outbox " + query, http.get(query.toString()));
        }
        if (kind < 93) {
            String target = random.nextInt(4) == 0 ? pick(random, HOSTILE_SEGMENTS) : receipt;
            ObjectNode form = NODES.objectNode();
            boolean decision = random.nextBoolean();
            form.set(decision ? "action" : "state", hostileValue(random,
                    NODES.textNode(decision ? pick(random, List.of("CLEAR", "RETURN", "REJECT", "APPROVE")) : "CONFIRMED"), "action"));
            form.set(decision ? "comment" : "note", hostileValue(random, NODES.textNode("ok"), "comment"));
            if (decision && random.nextBoolean()) {
                form.set("approvedAmount", hostileValue(random, NODES.numberNode(250000), "approvedAmount"));
            }
            String body = raw(form.toString());
            String path = decision ? "/api/review/" + target + "/decision"
                    : "/api/review/" + target + "/findings/" + pick(random, findingIds);
            String ifMatch = pick(random, List.of("0", "1", "\"2\"", "W/\"1\"", "abc", "99999999999999999999", "-1"));
            return () -> judged(path, http.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8),
                    "Authorization", reviewer, "If-Match", ifMatch));
        }
        if (kind < 97) {
            String target = random.nextInt(3) == 0 ? pick(random, HOSTILE_SEGMENTS) : receipt;
            String body = random.nextBoolean() ? "" : raw(NODES.objectNode().set("reason", hostileValue(random, NODES.textNode("x"), "reason")).toString());
            return () -> judged("withdraw " + target, http.send("POST", "/api/submissions/" + target + "/withdraw",
                    body.isEmpty() ? null : "application/json", body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8),
                    "If-Match", pick(random, List.of("0", "abc", "1"))));
        }
        // what the JDK client will not send: malformed escapes, and header values in UTF-8 or with control characters
        String target = pick(random, List.of("/api/submissions/%ZZ", "/api/review/queue?school=%ZZ", "/api/sources/%", "/api/%GG/x",
                "/api/submissions/a%00", "/api/outbox?receipt=%00&status=%00", "/api/review/queue", "/api/ping"));
        String header = pick(random, List.of("Authorization: Bearer 王大明", "Idempotency-Key: 日本語キー",
                "Authorization: Bearer a\u0001b", "Authorization: Bearer sct_a\u0000b",
                "If-Match: \u0000", "Accept: text/html"));
        return () -> {
            RawHttp.RawAnswer answer = http.raw("GET", target, header);
            String problem = "";
            if (answer.status() >= 400 && !answer.head().toLowerCase().contains("x-correlation-id")) {
                problem = "no X-Correlation-Id";
            }
            if (RawHttp.INTERNAL.matcher(answer.body()).find()) {
                problem = "something internal: " + answer.body();
            }
            return new Outcome("raw " + target + " " + header, answer.status(), problem);
        };
    }

    private String[] headers(Random random) {
        List<String> headers = new ArrayList<>(List.of("Authorization", pick(random, List.of(filer, filer, filer, "Bearer sct_" + "x".repeat(201),
                "Bearer", "Basic d2FuZzp3YW5n", "Bearer a,b,c@example.edu.tw"))));
        if (random.nextInt(3) == 0) {
            headers.add("Idempotency-Key");
            headers.add(pick(random, List.of("k-" + random.nextInt(50), "k".repeat(200), "k".repeat(201), "%00", " ")));
        }
        return headers.toArray(String[]::new);
    }

    /** A baseline with one to three of its fields (or the whole body) made hostile. */
    private String hostileBody(Random random) {
        int whole = random.nextInt(40);
        if (whole == 0) {
            return pick(random, List.of("", "{", "[]", "null", "\"text\"", "{\"type\":\"EXCHANGE_ACTIVITY\"", "{\"a\":1,\"a\":2}",
                    "[".repeat(1001) + "]".repeat(1001), "{\"type\":\"" + "X".repeat(5000) + "\"}"));
        }
        ObjectNode json = Fixtures.baseline(pick(random, BASELINES));
        if (json.has("registrationId") && random.nextBoolean() && !receipts.isEmpty()) {
            json.put("registrationId", pick(random, receipts));
        }
        if (json.has("school")) {
            ((ObjectNode) json.get("school")).put("code", "Z" + random.nextInt(1000));
        }
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            mutate(json, random);
        }
        return raw(json.toString());
    }

    private static String raw(String json) {
        String out = json;
        for (Map.Entry<String, String> e : RAW.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Replaces the value at a random path of the tree (any depth) with a hostile one. */
    private void mutate(ObjectNode root, Random random) {
        List<String[]> paths = new ArrayList<>();
        collect(root, "", paths);
        String[] chosen = paths.get(random.nextInt(paths.size()));
        JsonNode parent = root;
        String[] steps = chosen[0].split("/");
        for (int s = 1; s < steps.length - 1; s++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[s])) : parent.get(steps[s]);
        }
        String last = steps[steps.length - 1];
        JsonNode current = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        JsonNode replacement = hostileValue(random, current, chosen[1]);
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        }
    }

    private static void collect(JsonNode node, String pointer, List<String[]> paths) {
        if (!pointer.isEmpty()) {
            paths.add(new String[] {pointer, pointer.replaceAll("/\\d+", "").replace('/', '.').substring(1)});
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), pointer + "/" + e.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, paths);
            }
        }
    }

    private JsonNode hostileValue(Random random, JsonNode current, String key) {
        int limit = FieldLimits.texts().getOrDefault(key.startsWith("changes.") ? key.substring(8) : key, FieldLimits.DEFAULT_TEXT);
        int listLimit = FieldLimits.lists().getOrDefault(key.startsWith("changes.") ? key.substring(8) : key, FieldLimits.DEFAULT_LIST);
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> NODES.textNode(pick(random, HOSTILE_TEXTS));
            case 3 -> NODES.textNode("字".repeat(limit + random.nextInt(2)));
            case 4 -> {
                ArrayNode list = NODES.arrayNode();
                JsonNode element = current.isArray() && current.size() > 0 ? current.get(0) : current;
                int n = pick(random, List.of(listLimit, listLimit + 1, 500, 0));
                for (int k = 0; k < n; k++) {
                    list.add(element.deepCopy());
                }
                yield list;
            }
            case 5 -> NODES.textNode(pick(random, List.of("@@HUGE_NUMBER@@", "@@LONG_NUMBER@@", "@@DEEP@@")));
            case 6 -> pick(random, List.of(NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1.5),
                    NODES.numberNode(0), NODES.numberNode(Integer.MAX_VALUE + 1L)));
            case 7 -> pick(random, List.of(NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode()));
            case 8 -> {
                ObjectNode object = NODES.objectNode();
                object.put("\u0000", 1);
                object.set("nested", current.deepCopy());
                yield object;
            }
            default -> NODES.textNode(pick(random, HOSTILE_TEXTS) + (current.isTextual() ? current.asText() : ""));
        };
    }

    private byte[] multipart(Random random) {
        String submission = hostileBody(random);
        List<Object> parts = new ArrayList<>(List.of("submission", random.nextInt(5) == 0 ? "submission.json" : "",
                "application/json", submission.getBytes(StandardCharsets.UTF_8)));
        if (parts.get(1).equals("")) {
            parts.set(1, null);
        }
        int file = random.nextInt(6);
        if (file > 0) {
            byte[] content = switch (file) {
                case 1 -> PDF;
                case 2 -> "%PDF-1.7\n garbage %%EOF".getBytes(StandardCharsets.US_ASCII);
                case 3 -> new byte[0];
                case 4 -> "\u0000\u0001 not a pdf".getBytes(StandardCharsets.UTF_8);
                default -> PDF_NUL_NAME;
            };
            parts.addAll(List.of(pick(random, List.of("itinerary", "attachment", "other", "submission")),
                    pick(random, List.of("itinerary.pdf", "a%00.pdf", "x".repeat(400) + ".pdf", "..\\..\\evil.pdf", "行程.pdf")),
                    pick(random, List.of("application/pdf", "image/png", "text/plain")), content));
        }
        return RawHttp.multipart("fz", parts.toArray());
    }

    private static final byte[] PDF = pdf("7/6 Opening 7/10 Closing");
    private static final byte[] PDF_NUL_NAME = pdf("day 1\u0000day 2".replace("\u0000", " "));

    private static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
