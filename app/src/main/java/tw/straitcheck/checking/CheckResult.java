package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** What a check returns: the verdict, the day it was judged on, the rulebase that judged it, and the findings. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckResult(Verdict verdict, LocalDate asOf, String rulebaseVersion, List<ReportedFinding> findings) {
}
