package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** An alliance or written cooperation agreement with a mainland school (ACT art 33-3). */
public final class Agreement {

    private final String path;
    private final String kind;
    private final LocalDate declaredToMoeOn;
    private final LocalDate plannedSigningDate;

    public Agreement(String path, String kind, LocalDate declaredToMoeOn, LocalDate plannedSigningDate) {
        this.path = path;
        this.kind = kind;
        this.declaredToMoeOn = declaredToMoeOn;
        this.plannedSigningDate = plannedSigningDate;
    }

    public String getPath() {
        return path;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getDeclaredToMoeOn() {
        return declaredToMoeOn;
    }

    public LocalDate getPlannedSigningDate() {
        return plannedSigningDate;
    }

    @Override
    public String toString() {
        return "Agreement[" + "path=" + path + ", " + "kind=" + kind + ", " + "declaredToMoeOn=" + declaredToMoeOn + ", " + "plannedSigningDate=" + plannedSigningDate + "]";
    }
}
