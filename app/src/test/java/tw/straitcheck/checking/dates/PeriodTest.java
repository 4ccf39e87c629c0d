package tw.straitcheck.checking.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void oneMonthIsOneMonth() {
        assertThat(Period.parse("1 month")).isEqualTo(new Period(1, Period.Unit.MONTHS));
    }

    @Test
    void threeDaysIsThreeDays() {
        assertThat(Period.parse("3 days")).isEqualTo(new Period(3, Period.Unit.DAYS));
    }

    @Test
    void sevenWorkingDaysIsSevenWorkingDays() {
        assertThat(Period.parse("7 working days")).isEqualTo(new Period(7, Period.Unit.WORKING_DAYS));
    }

    @Test
    void sevenClearWorkingDaysIsSevenClearWorkingDays() {
        assertThat(Period.parse("7 clear working days")).isEqualTo(new Period(7, Period.Unit.CLEAR_WORKING_DAYS));
    }

    @Test
    void oneDayInTheSingularIsOneDay() {
        assertThat(Period.parse("1 day")).isEqualTo(new Period(1, Period.Unit.DAYS));
    }

    @Test
    void extraSpacesAndCapitalsAreAccepted() {
        assertThat(Period.parse("  7  Clear  Working  Days ")).isEqualTo(new Period(7, Period.Unit.CLEAR_WORKING_DAYS));
        assertThat(Period.parse("2 Months")).isEqualTo(new Period(2, Period.Unit.MONTHS));
    }

    @Test
    void aPeriodIsWrittenBackAsItIsParsed() {
        assertThat(Period.parse("1 month")).hasToString("1 month");
        assertThat(Period.parse("3 days")).hasToString("3 days");
        assertThat(Period.parse("1 day")).hasToString("1 day");
        assertThat(Period.parse("7 working days")).hasToString("7 working days");
        assertThat(Period.parse("7 clear working days")).hasToString("7 clear working days");
    }

    @DisplayName("A length that is not a number of days, months or working days is refused")
    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"three days", "-1 days", "7 weeks", "", "days", "7", "1.5 days", "7 clear days"})
    void aLengthThatIsNotAPeriodIsRefused(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a period: '" + text + "'");
    }

    @Test
    void aNegativeCountIsRefusedEvenWhenBuiltDirectly() {
        assertThatThrownBy(() -> new Period(-1, Period.Unit.DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a period cannot be negative: -1");
    }
}
