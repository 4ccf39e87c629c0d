package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;
import tw.straitcheck.system.FieldError;

/** What the JSON and the form filing endpoints share: headers read, and the 201 answer. */
public final class FilingHttp {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How the OpenAPI description names a submission body (its fields: shared/spec/submission.md). */
    static final String SUBMISSION_BODY = "A submission, one of the types EXCHANGE_ACTIVITY, CHANGE, POST_ACTIVITY_REPORT, "
            + "ANNOUNCEMENT, SUBSIDY_APPLICATION, RESULTS_REPORT, each with the fields shared/spec/submission.md lists";

    private FilingHttp() {
    }

    /** 201 with the filing's answer and the record's location; a replayed answer says so. */
    public static HttpResponse<String> created(SubmissionService.Answer answer) {
        MutableHttpResponse<String> response = HttpResponse.created(answer.json(), URI.create("/api/submissions/" + answer.receipt()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response;
    }

    /** The error for an {@code If-Match} that is not a record's lockVersion. */
    public static final FieldError BAD_IF_MATCH = FieldError.of("If-Match", "field.if-match");

    /**
     * {@code If-Match: "3"} or {@code 3}: the record's lockVersion the client saw; null when absent.
     *
     * @throws NumberFormatException when the header is not a lockVersion
     */
    public static Long lockVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        return Long.parseLong(ifMatch.replace("\"", "").replace("W/", "").strip());
    }

    public static String idempotencyKey(@Nullable String header) {
        return header == null || header.isBlank() ? null : header.strip();
    }
}
