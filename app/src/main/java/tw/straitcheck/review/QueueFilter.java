package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tw.straitcheck.records.RecordSearch;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;

/**
 * What a reviewer asks of the queue: statuses (default IN_REVIEW; several comma-separated), the
 * school's code, a ruleId raised by the judged version, a range of departure-or-activity-start
 * dates (both ends included), and a page (from 0) of {@code size} records (default 20, at most 100).
 */
final class QueueFilter {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private QueueFilter() {
    }

    /** The search from the query string; every bad parameter is reported at once (422). */
    static RecordSearch.Criteria read(@Nullable String status, @Nullable String school, @Nullable String ruleId,
            @Nullable String from, @Nullable String to, @Nullable String page, @Nullable String size) {
        List<FieldError> errors = new ArrayList<>();
        Set<RecordStatus> statuses = statuses(status, errors);
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(FieldError.of("to", "field.to-before-from"));
        }
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new RecordSearch.Criteria(statuses, blankToNull(school), blankToNull(ruleId), fromDate, toDate, pageNumber, pageSize);
    }

    private static Set<RecordStatus> statuses(@Nullable String status, List<FieldError> errors) {
        if (status == null || status.isBlank()) {
            return Set.of(RecordStatus.IN_REVIEW);
        }
        Set<RecordStatus> statuses = new LinkedHashSet<>();
        String[] names = status.split(",");
        if (names.length == 0) {
            // "status=," names no status at all: refused, not read as "any"
            errors.add(FieldError.of("status", "field.status-empty"));
            return statuses;
        }
        for (String name : names) {
            try {
                statuses.add(RecordStatus.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(RecordStatus.values()).map(Enum::name).collect(Collectors.joining("、"));
                errors.add(FieldError.of("status", "field.unknown-status", name.strip(), allowed));
            }
        }
        return statuses;
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "field.date-iso"));
            return null;
        }
    }

    private static int number(String field, @Nullable String value, int absent, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        String range = max == Integer.MAX_VALUE ? "≥ " + min : min + "–" + max;
        errors.add(FieldError.of(field, "field.whole-number-in", range));
        return absent;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
