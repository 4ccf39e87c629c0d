package tw.straitcheck.records;

/** Published inside the transaction that moved a record (a decision or a withdrawal). */
public record RecordMoved(SubmissionRecord record, HistoryEntry entry) {
}
