package tw.straitcheck.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A validated registration written back as the JSON of the submission spec, as it is kept with
 * each version (how the registration stands after it), and read from there again.
 */
public final class SubmissionJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private SubmissionJson() {
    }

    public static String write(Submission.ExchangeActivity registration) {
        try {
            return JSON.writeValueAsString(registration);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registration this service wrote; it was valid when kept, so it is read by the same rules. */
    public static Submission.ExchangeActivity readRegistration(String json) {
        SubmissionReader.Result read;
        try {
            read = SubmissionReader.read(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.valid() || !(read.submission() instanceof Submission.ExchangeActivity registration)) {
            throw new IllegalStateException("a kept registration no longer reads as one: " + read.errors());
        }
        return registration;
    }
}
