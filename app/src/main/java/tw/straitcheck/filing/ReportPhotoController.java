package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import tw.straitcheck.account.Role;

/**
 * A results report's photos through the API: {@code POST /api/submissions/{receipt}/photos}
 * ({@code multipart/form-data}: part {@code photo}, a JPEG or PNG of at most 5 MB, and part
 * {@code caption}) adds one, {@code DELETE …/photos/{id}} removes one; each is a new version of
 * the report, answered like a filing. Only the subsidy's own school, until the report's due.
 */
@Controller("/api/submissions/{receipt}/photos")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPhotoController {

    private final ReportPhotoEdits edits;

    ReportPhotoController(ReportPhotoEdits edits) {
        this.edits = edits;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> add(@PathVariable String receipt, @Part("photo") @Nullable CompletedFileUpload photo,
            @Part("caption") @Nullable String caption, Authentication authentication) {
        return FilingHttp.created(edits.add(receipt, Filer.of(authentication),
                List.of(new ReportPhotoEdits.Incoming(photo == null ? null : photo.getFilename(), bytes(photo),
                        caption))));
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> remove(@PathVariable String receipt, @PathVariable long id, Authentication authentication) {
        return HttpResponse.ok(edits.remove(receipt, Filer.of(authentication), id).json())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static byte @Nullable [] bytes(@Nullable CompletedFileUpload upload) {
        try {
            return upload == null ? null : upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
