package tw.straitcheck.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import tw.straitcheck.system.FieldError;

/** A reviewer's mark on a flag: {@code {state: CONFIRMED|FALSE_POSITIVE, note}}. */
record FlagMark(ReviewState state, @Nullable String note) {

    enum ReviewState { CONFIRMED, FALSE_POSITIVE }

    /** The mark, or null with the problems added to {@code errors}. */
    static @Nullable FlagMark read(JsonNode json, List<FieldError> errors) {
        ReviewState state = Forms.oneOf(json, "state", ReviewState.class, errors);
        String note = Forms.optionalText(json, "note", errors);
        return state == null ? null : new FlagMark(state, note);
    }
}
