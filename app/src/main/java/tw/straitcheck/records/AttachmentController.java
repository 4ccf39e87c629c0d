package tw.straitcheck.records;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Role;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * {@code GET /api/submissions/{receipt}/attachments/{id}}: a kept PDF, under the name it was uploaded with,
 * and {@code GET …/photos/{id}}: a results report's photo (JPEG or PNG, as checked on upload), for
 * whoever may read the record (another school's is answered 404).
 */
@Tag(name = "submissions")
@Controller("/api/submissions")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentController {

    private final RecordStore records;
    private final ReportPhotos photos;

    AttachmentController(RecordStore records, ReportPhotos photos) {
        this.records = records;
        this.photos = photos;
    }

    @Get(uri = "/{receipt}/photos/{id}", produces = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG,
            MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> photo(@PathVariable String receipt, @PathVariable long id, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        SubmissionRecord record = records.find(receipt).filter(r -> Access.mayRead(actor, r.schoolCode(),
                r.status() != RecordStatus.WITHDRAWN)).orElseThrow(ApiException::noRecord);
        ReportPhotos.Image image = photos.image(record, id).orElseThrow(() -> ApiException.notFound(
                Messages.of("page.results.photo.not-found")));
        return HttpResponse.ok(image.content())
                .contentType(image.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
    }

    @Get(uri = "/{receipt}/attachments/{id}", produces = {MediaType.APPLICATION_PDF, MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> download(@PathVariable String receipt, @PathVariable long id,
            Authentication authentication) {
        Actor actor = Actor.of(authentication);
        records.find(receipt).filter(r -> Access.mayRead(actor, r.schoolCode(),
                r.status() != RecordStatus.WITHDRAWN)).orElseThrow(ApiException::noRecord);
        RecordStore.StoredFile file = records.attachment(receipt, id).orElseThrow(() -> ApiException.notFound(
                Messages.of("error.attachment.not-found")));
        return HttpResponse.ok(file.content())
                .contentType(file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff");
    }

    /**
     * RFC 6266 with an RFC 5987 {@code filename*} for names like 行程表.pdf, and a plain ASCII
     * {@code filename} for clients that do not read the encoded one.
     */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        filename.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(filename);
    }

    private static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
