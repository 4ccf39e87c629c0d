package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import tw.straitcheck.system.Localized;

/**
 * A finding as the response shows it (submission.md section 5): the rule's titles, the cited
 * passages and the penalty resolved from the rulebase's sources.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportedFinding(
        String ruleId,
        FindingKind kind,
        LocalDate due,
        String subject,
        Localized title,
        List<Citation> citations,
        List<Evidence> evidence,
        Penalty penalty,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LocalDate> reminders,
        @JsonInclude(JsonInclude.Include.NON_NULL) Localized note) {

    /** Most severe first, then the earliest due date, then by rule and subject: the order a reader works through. */
    public static final Comparator<ReportedFinding> READING_ORDER = Comparator
            .comparing(ReportedFinding::kind)
            .thenComparing(ReportedFinding::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ReportedFinding::ruleId)
            .thenComparing(ReportedFinding::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ReportedFinding::firstEvidence, Comparator.nullsFirst(
                    Comparator.comparing(Evidence::field).thenComparing(Evidence::matched, Comparator.nullsFirst(Comparator.naturalOrder()))));

    private Evidence firstEvidence() {
        return evidence.isEmpty() ? null : evidence.get(0);
    }
}
