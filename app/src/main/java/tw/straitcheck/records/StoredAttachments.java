package tw.straitcheck.records;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The files kept with a record's versions. */
@Singleton
class StoredAttachments implements AttachmentFiles {

    private final Repositories.Records records;
    private final Repositories.Versions versions;
    private final Repositories.Attachments attachments;

    StoredAttachments(Repositories.Records records, Repositories.Versions versions, Repositories.Attachments attachments) {
        this.records = records;
        this.versions = versions;
        this.attachments = attachments;
    }

    @Override
    @Transactional
    public Optional<StoredFile> find(String receipt, long id) {
        return records.findByReceipt(receipt).flatMap(record -> attachments.findById(id)
                .filter(a -> versions.findById(a.versionId()).filter(v -> v.recordId().equals(record.id())).isPresent())
                .map(a -> new StoredFile(a.filename(), a.contentType(), a.content())));
    }
}
