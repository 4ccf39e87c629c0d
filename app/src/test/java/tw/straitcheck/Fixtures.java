package tw.straitcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import tw.straitcheck.rulebook.CaseFile;

/**
 * Submissions the tests start from, each for a school of the test's own. The baselines are the
 * corpus's own ({@code test-cases/baselines/}), so the tests and the case files share one copy.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final CaseFile.Baselines BASELINES = CaseFile.Baselines.in(ProjectFiles.testCases().resolve(CaseFile.BASELINES));

    private Fixtures() {
    }

    /** A copy of the named baseline submission of test-cases/baselines/ ({@code visit}, {@code change}, ...). */
    public static ObjectNode baseline(String name) {
        try {
            return BASELINES.get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The corpus's {@code visit} baseline (test-cases/README.md): 20 students, activity 2026-07-06 to
     * 07-10, travel 07-05 to 07-11, one leader who is not a civil servant; COMPLIANT on 2026-05-20.
     */
    public static ObjectNode visit(String schoolCode) {
        ObjectNode json = baseline("visit");
        ((ObjectNode) json.get("school")).put("code", schoolCode);
        return json;
    }

    /**
     * The example registration of the submission spec (activity 2026-07-06 to 07-10, travel 07-05 to
     * 07-11, one grade-10 civil-servant leader, landing hospitality, an agreement to sign 07-07).
     */
    public static ObjectNode specExample(String schoolCode) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/spec-example.json")) {
            ObjectNode json = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) json.get("school")).put("code", schoolCode);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's example without the mainland hospitality and the agreement: COMPLIANT when filed on 2026-05-20. */
    public static ObjectNode compliantRegistration(String schoolCode) {
        ObjectNode json = specExample(schoolCode);
        ((ArrayNode) json.get("funding")).remove(1);
        json.remove("agreement");
        return json;
    }

    /**
     * The corpus's {@code announcement} baseline, announced from {@code start} for a month: a mainland
     * camp's call for students, self-check done.
     */
    public static ObjectNode announcement(String schoolCode, LocalDate start) {
        ObjectNode json = baseline("announcement");
        ((ObjectNode) json.get("school")).put("code", schoolCode);
        ObjectNode period = (ObjectNode) json.get("announcementPeriod");
        period.put("start", start.toString());
        period.put("end", start.plusMonths(1).toString());
        return json;
    }
}
