package tw.straitcheck.filing;

import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A form posted as {@code multipart/form-data} (the registration form, which may carry the
 * itinerary PDF): its text fields as {@link FormValues} and the files chosen. Read on the
 * blocking pool that answers the page, part by part as the server receives them.
 */
record PostedForm(FormValues values, List<FormFiling.File> files) {

    static PostedForm urlEncoded(String body) {
        return new PostedForm(FormValues.urlEncoded(body), List.of());
    }

    /** Every part of the body; a file input left empty sends no file. */
    static PostedForm read(MultipartBody body) {
        FormValues values = new FormValues();
        List<FormFiling.File> files = new ArrayList<>();
        CompletableFuture<PostedForm> read = new CompletableFuture<>();
        body.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload upload) {
                        if (upload.getFilename() != null && !upload.getFilename().isBlank() && upload.getSize() > 0
                                && FilePart.ITINERARY.part.equals(upload.getName())) {
                            files.add(new FormFiling.File(FilePart.ITINERARY, upload.getFilename(), upload.getBytes()));
                        }
                    } else {
                        values.add(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                read.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                read.complete(new PostedForm(values, List.copyOf(files)));
            }
        });
        return read.join();
    }
}
