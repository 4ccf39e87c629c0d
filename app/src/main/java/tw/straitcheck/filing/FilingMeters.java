package tw.straitcheck.filing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import tw.straitcheck.records.SubmissionFiled;

/**
 * Counts the filings that were stored, by the kind of version they made (registration, change,
 * resubmission, post-activity report...): {@code straitcheck_filings_total{kind}} on /prometheus.
 * Counted once the filing's transaction has committed, so a filing refused or rolled back is not.
 */
@Singleton
class FilingMeters {

    private final MeterRegistry meters;

    FilingMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void filed(SubmissionFiled filed) {
        Counter.builder("straitcheck.filings")
                .description("Filings stored, by the kind of version they made")
                .tag("kind", filed.version().kind().name())
                .register(meters)
                .increment();
    }
}
