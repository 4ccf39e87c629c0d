package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;

/**
 * Files a submission as the web form sends it: the submission JSON in one part and its PDF in
 * another. The PDF is checked and read here; its text goes into the submission before it is
 * checked, so a word inside the PDF is found like one typed in, and the PDF is kept with the
 * version it came with.
 * A refused file stores nothing.
 */
@Singleton
class FormFiling {

    static final String SUBMISSION_PART = "submission";

    private static final Set<String> TYPES = Set.of(Submission.ExchangeActivity.TYPE, Submission.Change.TYPE,
            Submission.PostActivityReport.TYPE, Submission.Announcement.TYPE, Submission.SubsidyApplication.TYPE,
            Submission.ResultsReport.TYPE);

    private final SubmissionService service;
    private final PdfReader pdfs;

    FormFiling(SubmissionService service, PdfReader pdfs) {
        this.service = service;
        this.pdfs = pdfs;
    }

    /** One uploaded file, as received. */
    record File(FilePart part, @Nullable String filename, byte[] content) {
    }

    SubmissionService.Answer file(@Nullable byte[] submission, List<File> files, Filer actor,
            @Nullable String idempotencyKey) {
        ObjectNode json = submissionJson(submission);
        String type = json.path("type").asText("").strip();
        if (!TYPES.contains(type)) {
            // The submission's own validation names the type error; no file is read for it.
            return service.file(json, actor, idempotencyKey);
        }
        Optional<FilePart> taken = FilePart.takenBy(type);
        List<FieldError> errors = new ArrayList<>();
        List<Upload> uploads = new ArrayList<>();
        for (File file : files) {
            if (taken.isEmpty() || taken.get() != file.part()) {
                errors.add(wrongPart(file.part(), type, taken));
                continue;
            }
            PdfFiles.Read read = pdfs.read(file.part(), file.filename(), file.content());
            if (read instanceof PdfFiles.Accepted accepted) {
                uploads.add(accepted.upload());
            } else {
                errors.add(((PdfFiles.Refused) read).error());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return service.file(json, actor, idempotencyKey, uploads);
    }

    private static ObjectNode submissionJson(@Nullable byte[] submission) {
        if (submission == null || submission.length == 0) {
            throw invalidSubmission("upload.submission-missing");
        }
        JsonNode json = JsonBodies.parse(submission, SUBMISSION_PART);
        if (!(json instanceof ObjectNode object)) {
            throw invalidSubmission("upload.submission-not-object");
        }
        return object;
    }

    private static ApiException invalidSubmission(String key) {
        return ApiException.invalid(List.of(FieldError.of(SUBMISSION_PART, key)));
    }

    private static FieldError wrongPart(FilePart sent, String type, Optional<FilePart> taken) {
        if (taken.isEmpty()) {
            return FieldError.of(sent.part, "upload.no-file-taken", type);
        }
        FilePart right = taken.get();
        return FieldError.of(sent.part, "upload.wrong-part", type, sent.label(), right.label(), right.part);
    }
}
