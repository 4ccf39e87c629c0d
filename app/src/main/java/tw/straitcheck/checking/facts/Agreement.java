package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** An alliance or written cooperation agreement with a mainland school (ACT art 33-3). */
public record Agreement(String path, AgreementKind kind, LocalDate declaredToMoeOn, LocalDate plannedSigningDate) {
}
