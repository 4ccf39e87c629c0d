package tw.straitcheck.filing;

/**
 * A file uploaded with a submission (the itinerary, or an announcement's attachment), already
 * checked and with its text extracted; {@code field} is the submission field the text went into
 * ({@code itineraryText} or {@code attachmentText}).
 */
public record Upload(String field, String filename, String contentType, byte[] content, String sha256, String text) {
}
