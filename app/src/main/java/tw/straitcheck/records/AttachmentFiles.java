package tw.straitcheck.records;

import java.util.Optional;

/**
 * Reads back a file kept with a record's version, for {@code GET …/attachments/{id}}.
 */
public interface AttachmentFiles {

    /** A kept file as it was uploaded. */
    record StoredFile(String filename, String contentType, byte[] content) {
    }

    /** The file with this id, if it was filed with a version of the record with this receipt. */
    Optional<StoredFile> find(String receipt, long id);
}
