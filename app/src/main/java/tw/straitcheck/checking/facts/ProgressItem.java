package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** One work item of a results report (RESULTS_SYSTEM 3-1 工作進度): planned completion and percent done. */
public record ProgressItem(int index, String path, String item, LocalDate plannedCompletion, int percent) {

    /** Done in full (執行進度 100%). */
    public boolean complete() {
        return percent >= 100;
    }
}
