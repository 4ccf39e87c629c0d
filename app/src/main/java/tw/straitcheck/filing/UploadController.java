package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.account.Role;

/**
 * {@code POST /api/submissions} as the web form sends it ({@code multipart/form-data}): part
 * {@code submission} is the submission JSON; part {@code itinerary} the itinerary PDF of a
 * registration or a change notice, or part {@code attachment} the PDF of an announcement.
 * Headers, answers and refusals are those of the JSON filing.
 */
@Tag(name = "submissions")
@Controller("/api/submissions")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class UploadController {

    private final FormFiling filing;

    UploadController(FormFiling filing) {
        this.filing = filing;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> file(@Part(FormFiling.SUBMISSION_PART) @Nullable byte[] submission,
            @Part("itinerary") @Nullable CompletedFileUpload itinerary,
            @Part("attachment") @Nullable CompletedFileUpload attachment,
            Authentication authentication,
            @Header(FilingHttp.IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        List<FormFiling.File> files = new ArrayList<>();
        if (itinerary != null) {
            files.add(file(FilePart.ITINERARY, itinerary));
        }
        if (attachment != null) {
            files.add(file(FilePart.ATTACHMENT, attachment));
        }
        return FilingHttp.created(filing.file(submission, files, Filer.of(authentication),
                FilingHttp.idempotencyKey(idempotencyKey)));
    }

    private static FormFiling.File file(FilePart part, CompletedFileUpload upload) {
        try {
            return new FormFiling.File(part, upload.getFilename(), upload.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
