package tw.straitcheck.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import tw.straitcheck.records.RecordMoves;
import tw.straitcheck.system.FieldError;

/**
 * A reviewer's decision: {@code {action: CLEAR|APPROVE|RETURN|REJECT, comment, approvedAmount}};
 * a subsidy application is APPROVEd with the approved amount.
 */
record DecisionForm(Action action, @Nullable String comment, @Nullable Long approvedAmount) {

    /** What a reviewer may decide; the school's WITHDRAW is not among them. */
    enum Action {
        CLEAR(RecordMoves.Move.CLEAR), APPROVE(RecordMoves.Move.APPROVE), RETURN(RecordMoves.Move.RETURN), REJECT(RecordMoves.Move.REJECT);

        final RecordMoves.Move move;

        Action(RecordMoves.Move move) {
            this.move = move;
        }
    }

    /** The form, or null with the problems added to {@code errors}. */
    static @Nullable DecisionForm read(JsonNode json, List<FieldError> errors) {
        Action action = Forms.oneOf(json, "action", Action.class, errors);
        String comment = Forms.optionalText(json, "comment", errors);
        Long approvedAmount = null;
        JsonNode amount = json.path("approvedAmount");
        if (!amount.isMissingNode() && !amount.isNull()) {
            if (amount.canConvertToExactIntegral() && amount.canConvertToLong() && amount.asLong() >= 0) {
                approvedAmount = amount.asLong();
            } else {
                errors.add(FieldError.of("approvedAmount", "field.approved-amount"));
            }
        }
        return action == null ? null : new DecisionForm(action, comment, approvedAmount);
    }
}
