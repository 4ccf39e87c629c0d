package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** The check itself: which type of submission it is and the day it is judged on (asOf, Asia/Taipei). */
public final class Check {

    private final String type;
    private final LocalDate asOf;

    public Check(String type, LocalDate asOf) {
        this.type = type;
        this.asOf = asOf;
    }

    public String getType() {
        return type;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    @Override
    public String toString() {
        return "Check[" + "type=" + type + ", " + "asOf=" + asOf + "]";
    }
}
