package tw.straitcheck.subsidy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.submission.Submission;

/**
 * The results report form (RESULTS_SYSTEM 3-1 to 4-3) as typed: rows of text, each field named as
 * the submission's own path ({@code expenditure[0].actual}), so an error of the submission lands
 * next to its field. Read from a posted form or from the last filed version, and written as the
 * submission JSON; a row left blank is no row (表格可自行增減: the form offers spare rows).
 */
record ResultsReportForm(String held, boolean statementOfAccountsAttached, List<ItemRow> expenditure,
        List<ProgressRow> progress, List<OutcomeRow> outcomes, String highlights) {

    /** Blank rows offered under the filled ones. */
    static final int SPARE_ROWS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    record ItemRow(String item, String approved, String actual, String note) {
        /** The rate as the catalogue rounds it, while both amounts are whole numbers. */
        public @Nullable BigDecimal rate() {
            try {
                return ResultsReports.rate(Long.parseLong(actual.strip()), Long.parseLong(approved.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean blank() {
            return item.isBlank() && approved.isBlank() && actual.isBlank() && note.isBlank();
        }
    }

    record ProgressRow(String item, String plannedCompletion, String percent, String delayReason) {
        boolean blank() {
            return item.isBlank() && plannedCompletion.isBlank() && percent.isBlank() && delayReason.isBlank();
        }
    }

    record OutcomeRow(String expected, boolean achieved, String note) {
        boolean blank() {
            return expected.isBlank() && note.isBlank();
        }
    }

    /** A new report's form: one blank row of each table, held as planned. */
    static ResultsReportForm blank() {
        return new ResultsReportForm("AS_PLANNED", true, spare(new ArrayList<>(), () -> new ItemRow("", "", "", "")),
                spare(new ArrayList<>(), () -> new ProgressRow("", "", "", "")),
                spare(new ArrayList<>(), () -> new OutcomeRow("", false, "")), "");
    }

    /** The form as the last filed version has it, with spare rows. */
    static ResultsReportForm of(Submission.ResultsReport r) {
        List<ItemRow> items = new ArrayList<>();
        if (r.expenditure() != null) {
            r.expenditure().forEach(e -> items.add(new ItemRow(text(e.item()), text(e.approved()), text(e.actual()),
                    text(e.note()))));
        }
        List<ProgressRow> progress = new ArrayList<>();
        if (r.progress() != null) {
            r.progress().forEach(p -> progress.add(new ProgressRow(text(p.item()), text(p.plannedCompletion()),
                    text(p.percent()), text(p.delayReason()))));
        }
        List<OutcomeRow> outcomes = new ArrayList<>();
        if (r.outcomes() != null) {
            r.outcomes().forEach(o -> outcomes.add(new OutcomeRow(text(o.expected()), Boolean.TRUE.equals(o.achieved()),
                    text(o.note()))));
        }
        return new ResultsReportForm(text(r.held()), Boolean.TRUE.equals(r.statementOfAccountsAttached()),
                spare(items, () -> new ItemRow("", "", "", "")), spare(progress, () -> new ProgressRow("", "", "", "")),
                spare(outcomes, () -> new OutcomeRow("", false, "")), text(r.highlights()));
    }

    /** The form as posted: rows up to the first index the form did not send. */
    static ResultsReportForm posted(Map<String, String> form) {
        List<ItemRow> items = new ArrayList<>();
        for (int i = 0; form.containsKey("expenditure[" + i + "].item"); i++) {
            String at = "expenditure[" + i + "].";
            items.add(new ItemRow(get(form, at + "item"), get(form, at + "approved"), get(form, at + "actual"),
                    get(form, at + "note")));
        }
        List<ProgressRow> progress = new ArrayList<>();
        for (int i = 0; form.containsKey("progress[" + i + "].item"); i++) {
            String at = "progress[" + i + "].";
            progress.add(new ProgressRow(get(form, at + "item"), get(form, at + "plannedCompletion"),
                    get(form, at + "percent"), get(form, at + "delayReason")));
        }
        List<OutcomeRow> outcomes = new ArrayList<>();
        for (int i = 0; form.containsKey("outcomes[" + i + "].expected"); i++) {
            String at = "outcomes[" + i + "].";
            outcomes.add(new OutcomeRow(get(form, at + "expected"), form.containsKey(at + "achieved"),
                    get(form, at + "note")));
        }
        return new ResultsReportForm(get(form, "held"), form.containsKey("statementOfAccountsAttached"), items,
                progress, outcomes, get(form, "highlights"));
    }

    /** Σ approved and Σ actual of the rows with whole-number amounts, and the overall rate. */
    @Nullable BigDecimal overallRate() {
        long approved = 0;
        long actual = 0;
        try {
            for (ItemRow row : expenditure) {
                if (!row.blank()) {
                    approved += Long.parseLong(row.approved().strip());
                    actual += Long.parseLong(row.actual().strip());
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return ResultsReports.rate(actual, approved);
    }

    /**
     * The submission: the subsidy's receipt, its activity period and approved amount (the report
     * must repeat them), and the rows as typed; a value that is not a number is sent as typed, so
     * the submission's own check names the field.
     */
    ObjectNode json(RecordViews.Summary subsidy, @Nullable Submission.DateRange period) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", Submission.ResultsReport.TYPE);
        json.put("subsidyId", subsidy.receipt());
        if (period != null) {
            json.putObject("activityPeriod").put("start", period.start().toString()).put("end", period.end().toString());
        }
        json.put("held", held);
        if (subsidy.approvedAmount() != null) {
            json.put("approvedTotal", subsidy.approvedAmount());
        }
        ArrayNode items = json.putArray("expenditure");
        expenditure.stream().filter(r -> !r.blank()).forEach(r -> {
            ObjectNode item = items.addObject().put("item", r.item());
            number(item, "approved", r.approved());
            number(item, "actual", r.actual());
            item.put("note", r.note());
        });
        ArrayNode steps = json.putArray("progress");
        progress.stream().filter(r -> !r.blank()).forEach(r -> {
            ObjectNode step = steps.addObject().put("item", r.item());
            if (r.plannedCompletion().isBlank()) {
                step.putNull("plannedCompletion");
            } else {
                step.put("plannedCompletion", r.plannedCompletion().strip());
            }
            number(step, "percent", r.percent());
            if (r.delayReason().isBlank()) {
                step.putNull("delayReason");
            } else {
                step.put("delayReason", r.delayReason());
            }
        });
        ArrayNode checks = json.putArray("outcomes");
        outcomes.stream().filter(r -> !r.blank()).forEach(r -> checks.addObject().put("expected", r.expected())
                .put("achieved", r.achieved()).put("note", r.note()));
        json.put("highlights", highlights);
        json.put("statementOfAccountsAttached", statementOfAccountsAttached);
        return json;
    }

    private static void number(ObjectNode node, String field, String typed) {
        String value = typed.strip().replace(",", "");
        if (value.isEmpty()) {
            node.putNull(field);
            return;
        }
        try {
            node.put(field, Long.parseLong(value));
        } catch (NumberFormatException e) {
            node.put(field, typed);
        }
    }

    private static <T> List<T> spare(List<T> rows, java.util.function.Supplier<T> blank) {
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(blank.get());
        }
        return rows;
    }

    private static String get(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
