package tw.straitcheck.records;

import tw.straitcheck.checking.CheckResult;

/**
 * Published inside the filing transaction when a submission has been stored, so that what must
 * happen with it (the mail to the school, the ministry and the MAC) is written in the same
 * transaction, or not at all.
 */
public record SubmissionFiled(SubmissionRecord record, SubmissionVersion version, CheckResult result) {
}
