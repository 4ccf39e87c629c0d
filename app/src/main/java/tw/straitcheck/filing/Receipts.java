package tw.straitcheck.filing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Issues 收件號: the filing day in the ROC calendar (yyyMMdd: 2026-11-21 is 1151121), a hyphen,
 * and the day's running number, e.g. {@code 1151121-000042}. The day's counter row is locked by the
 * filing transaction, so numbers are unique, and a rolled-back filing gives its number back.
 */
@Singleton
class Receipts {

    private static final int ROC_YEAR_OFFSET = 1911;

    private final JdbcOperations jdbc;

    Receipts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the filing transaction. */
    String next(LocalDate day) {
        int number = jdbc.prepareStatement("""
                INSERT INTO receipt_counter (day, last_number) VALUES (?, 1)
                ON CONFLICT (day) DO UPDATE SET last_number = receipt_counter.last_number + 1
                RETURNING last_number""", (PreparedStatement statement) -> {
            statement.setDate(1, Date.valueOf(day));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        return format(day, number);
    }

    static String format(LocalDate day, int number) {
        return String.format("%03d%02d%02d-%06d", day.getYear() - ROC_YEAR_OFFSET, day.getMonthValue(),
                day.getDayOfMonth(), number);
    }
}
