package tw.straitcheck.filing;

import java.util.Optional;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;

/**
 * The file parts of the web form's filing, and the submission field each one's text goes into.
 * The handbook's forms take one PDF each: the itinerary of an exchange activity (參(三)) and the
 * attachment of an announcement (參(四)); a change notice carries the itinerary as it now stands.
 */
enum FilePart {

    ITINERARY("itinerary", "itineraryText"),
    ATTACHMENT("attachment", "attachmentText");

    /** The multipart part's name, which is also the {@code field} of its errors. */
    final String part;
    /** The submission field the extracted text fills, as {@link tw.straitcheck.filing.Upload#field()} names it. */
    final String textField;

    FilePart(String part, String textField) {
        this.part = part;
        this.textField = textField;
    }

    /** The one file part a submission of this type takes; none for a post-activity report, a results report or an unknown type. */
    static Optional<FilePart> takenBy(String type) {
        return switch (type) {
            case Submission.ExchangeActivity.TYPE, Submission.Change.TYPE, Submission.SubsidyApplication.TYPE ->
                    Optional.of(ITINERARY);
            case Submission.Announcement.TYPE -> Optional.of(ATTACHMENT);
            default -> Optional.empty();
        };
    }

    /** What the part is called in an error: 行程表 / itinerary. */
    Localized label() {
        return Messages.of("upload.part." + part);
    }

    String defaultFilename() {
        return part + ".pdf";
    }
}
