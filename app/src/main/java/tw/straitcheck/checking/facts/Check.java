package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** The check itself: which type of submission it is and the day it is judged on (asOf, Asia/Taipei). */
public record Check(SubmissionType type, LocalDate asOf) {
}
