package tw.straitcheck.checking.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;

class DueDatesTest {

    private final DueDates dates = ProjectFiles.rulebase().dates();

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** Working days strictly between two dates, by the calendar. */
    private long workingDaysStrictlyBetween(LocalDate from, LocalDate to) {
        return from.plusDays(1).datesUntil(to).filter(dates.calendar()::isWorkingDay).count();
    }

    @Nested
    @DisplayName("registration: one month before the activity starts")
    class Registration {

        @Test
        void theThirtyFirstOfMarch2026ClampsToTheTwentyEighthOfFebruary() {
            Due due = dates.due("registration", d(2026, 3, 31));
            assertThat(due.getDate()).isEqualTo(d(2026, 2, 28));
            assertThat(due.getPurpose()).isEqualTo("registration");
            assertThat(due.getAnchor()).isEqualTo(d(2026, 3, 31));
            assertThat(due.getSubject()).isNull();
            assertThat(due.getYearsNotLoaded()).isEmpty();
        }

        @Test
        void inALeapYearTheThirtyFirstOfMarchClampsToTheTwentyNinthOfFebruary() {
            assertThat(dates.due("registration", d(2024, 3, 31)).getDate()).isEqualTo(d(2024, 2, 29));
        }

        @Test
        void anOrdinaryDayKeepsItsDayOfMonth() {
            assertThat(dates.due("registration", d(2026, 7, 6)).getDate()).isEqualTo(d(2026, 6, 6));
        }
    }

    @Nested
    @DisplayName("change-report: three days after the change")
    class ChangeReport {

        @Test
        void threeDaysAfterTheFourthOfMayIsTheSeventh() {
            assertThat(dates.due("change-report", d(2026, 5, 4)).getDate()).isEqualTo(d(2026, 5, 7));
        }

        @Test
        void reportingOnTheDueDateIsInTimeAndTheDayAfterIsLate() {
            Due due = dates.due("change-report", d(2026, 5, 4));
            assertThat(due.missedOn(d(2026, 5, 6))).isFalse();
            assertThat(due.missedOn(d(2026, 5, 7))).isFalse();
            assertThat(due.missedOn(d(2026, 5, 8))).isTrue();
            assertThat(due.daysLateOn(d(2026, 5, 7))).isZero();
            assertThat(due.daysLateOn(d(2026, 5, 10))).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("permit-lead-time: seven clear working days before departure")
    class PermitLeadTime {

        @Test
        void aMondayDepartureInAPlainWeekIsDueOnTheWednesdayOfTheWeekBeforeLast() {
            // back from Mon 3/16: 3/13, 3/12, 3/11, 3/10, 3/9, 3/6, 3/5 — the 7th is Thu 3/5, due the day before
            LocalDate departure = d(2026, 3, 16);
            assertThat(departure.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            Due due = dates.due("permit-lead-time", departure);
            assertThat(due.getDate()).isEqualTo(d(2026, 3, 4));
            assertThat(due.getYearsNotLoaded()).isEmpty();
        }

        @Test
        void aDepartureAfterLunarNewYearAnd228SkipsTheHolidays() {
            // back from Mon 2026-03-02: 2/26, 2/25, 2/24, 2/23 (2/27 補假, 2/28 和平紀念日, 2/14–2/22 春節),
            // then 2/13, 2/12, 2/11 — the 7th is Wed 2/11, due Tue 2/10
            Due due = dates.due("permit-lead-time", d(2026, 3, 2));
            assertThat(due.getDate()).isEqualTo(d(2026, 2, 10));
        }

        @Test
        void onTheDueDateSevenWorkingDaysLieStrictlyBeforeDepartureAndOnTheDayAfterOnlySix() {
            for (LocalDate departure : new LocalDate[] {d(2026, 3, 16), d(2026, 3, 2), d(2026, 2, 23), d(2026, 4, 7)}) {
                LocalDate due = dates.due("permit-lead-time", departure).getDate();
                assertThat(workingDaysStrictlyBetween(due, departure)).as("due %s for %s", due, departure)
                        .isGreaterThanOrEqualTo(7);
                assertThat(workingDaysStrictlyBetween(due.plusDays(1), departure)).as("due+1 for %s", departure)
                        .isEqualTo(6);
            }
        }

        @Test
        void aDepartureRightAfterLunarNewYearIsDueBeforeTheHolidays() {
            // back from Mon 2026-02-23: 2/13, 2/12, 2/11, 2/10, 2/9, 2/6, 2/5 — due Wed 2/4
            assertThat(dates.due("permit-lead-time", d(2026, 2, 23)).getDate()).isEqualTo(d(2026, 2, 4));
        }

        @Test
        void aDepartureAfterTheTombSweepingHolidaysSkipsThem() {
            // back from Tue 2026-04-07: 4/2, 4/1, 3/31, 3/30, 3/27, 3/26, 3/25 (4/3–4/6 off) — due Tue 3/24
            assertThat(dates.due("permit-lead-time", d(2026, 4, 7)).getDate()).isEqualTo(d(2026, 3, 24));
        }
    }

    @Nested
    @DisplayName("return-report: the seventh working day after return")
    class ReturnReport {

        @Test
        void aReturnBeforeLunarNewYearIsDueAfterTheHolidays() {
            // after Thu 2026-02-12: 2/13, then (2/14–2/22 off) 2/23, 2/24, 2/25, 2/26, (2/27–3/1 off) 3/2, 3/3
            Due due = dates.due("return-report", d(2026, 2, 12));
            assertThat(due.getDate()).isEqualTo(d(2026, 3, 3));
            assertThat(due.getYearsNotLoaded()).isEmpty();
        }

        @Test
        void aReturnInAPlainWeekIsDueSevenWeekdaysLater() {
            // after Wed 2026-03-11: 3/12, 3/13, 3/16, 3/17, 3/18, 3/19, 3/20
            assertThat(dates.due("return-report", d(2026, 3, 11)).getDate()).isEqualTo(d(2026, 3, 20));
        }

        @Test
        void aDueDateIn2027CarriesTheYearAsNotLoaded() {
            // after Mon 2027-01-04, Monday to Friday: 1/5, 1/6, 1/7, 1/8, 1/11, 1/12, 1/13
            Due due = dates.due("return-report", d(2027, 1, 4));
            assertThat(due.getDate()).isEqualTo(d(2027, 1, 13));
            assertThat(due.getYearsNotLoaded()).containsExactly(2027);
        }

        @Test
        void aDueDateCountedAcrossNewYearInto2027CarriesTheYearAsNotLoaded() {
            // after Mon 2026-12-28: 12/29, 12/30, 12/31, then Mon–Fri of 2027: 1/1, 1/4, 1/5, 1/6
            Due due = dates.due("return-report", d(2026, 12, 28));
            assertThat(due.getDate()).isEqualTo(d(2027, 1, 6));
            assertThat(due.getYearsNotLoaded()).containsExactly(2027);
        }

        @Test
        void aDueDateIn2026CarriesNoYearNotLoaded() {
            assertThat(dates.due("return-report", d(2026, 12, 10)).getYearsNotLoaded()).isEmpty();
        }
    }

    @Test
    void thePostActivityRemindersAreTheDayAfterAndDays20_28_29() {
        assertThat(dates.series("post-activity-reminders", d(2026, 7, 10)))
                .containsExactly(d(2026, 7, 11), d(2026, 7, 30), d(2026, 8, 7), d(2026, 8, 8));
    }

    @Test
    void thePostActivityReportIsDueOneMonthAfterTheLaterOfEndAndReturn() {
        LocalDate from = dates.latest(d(2026, 7, 10), d(2026, 7, 11));
        assertThat(dates.due("post-activity-report", from).getDate()).isEqualTo(d(2026, 8, 11));
    }

    @Test
    void theEducationAuthorityPermitIsDueTheDayBeforeDeparture() {
        assertThat(dates.due("education-authority-permit", d(2026, 7, 5)).getDate()).isEqualTo(d(2026, 7, 4));
    }

    @Test
    void anAgreementIsDeclaredThirtyOneDaysBeforeSigning() {
        assertThat(dates.due("agreement-declaration", d(2026, 7, 7)).getDate()).isEqualTo(d(2026, 6, 6));
        assertThat(dates.due("agreement-waiting-period", d(2026, 6, 6)).getDate()).isEqualTo(d(2026, 7, 6));
    }

    @Test
    void latestLeavesOutAnUnknownDate() {
        LocalDate a = d(2026, 7, 10);
        assertThat(dates.latest(a, null)).isEqualTo(a);
        assertThat(dates.latest(null, a)).isEqualTo(a);
        assertThat(dates.latest(null, null)).isNull();
        assertThat(dates.latest(a, d(2026, 7, 11))).isEqualTo(d(2026, 7, 11));
        assertThat(dates.latest(d(2026, 7, 11), a)).isEqualTo(d(2026, 7, 11));
        assertThat(dates.latest(null, null, null)).isNull();
        assertThat(dates.latest(null, a, null)).isEqualTo(a);
        assertThat(dates.latest(a, null, d(2026, 8, 1))).isEqualTo(d(2026, 8, 1));
    }

    @Test
    void aDueDateAboutALeaderKeepsItsDateAndNamesTheLeader() {
        Due due = dates.due("return-report", d(2026, 3, 11)).about("王大明");
        assertThat(due.getSubject()).isEqualTo("王大明");
        assertThat(due.getDate()).isEqualTo(d(2026, 3, 20));
        assertThat(due.toString()).isEqualTo("return-report 2026-03-20 (王大明)");
    }

    @Nested
    @DisplayName("roll: a forward filing deadline that ends on a day off ends on the next working day (行政程序法 48(4))")
    class Roll {

        @Test
        void aChangeOnWednesdayJune24IsDueOnMondayJune29NotOnSaturdayJune27() {
            Due due = dates.due("change-report", d(2026, 6, 24));
            assertThat(due.getCounted()).isEqualTo(d(2026, 6, 27));
            assertThat(due.getDate()).isEqualTo(d(2026, 6, 29));
            assertThat(due.isRolled()).isTrue();
            assertThat(due.getYearsNotLoaded()).isEmpty();
        }

        @Test
        void aDueOnAWorkingDayDoesNotMove() {
            Due due = dates.due("change-report", d(2026, 5, 4));
            assertThat(due.getDate()).isEqualTo(d(2026, 5, 7));
            assertThat(due.isRolled()).isFalse();
        }

        @Test
        void anAnnouncementDueOnLunarNewYearsEveRollsPastTheWholeHolidayToMondayFebruary23() {
            Due due = dates.due("announcement-registration", d(2026, 2, 13));
            assertThat(due.getCounted()).isEqualTo(d(2026, 2, 16));
            assertThat(due.getDate()).isEqualTo(d(2026, 2, 23));
        }

        @Test
        void aPostReportDueOnSaturdayFebruary28RollsToMondayMarch2() {
            assertThat(dates.due("post-activity-report", d(2026, 1, 31)).getDate()).isEqualTo(d(2026, 3, 2));
        }

        @Test
        void aDueInAYearWithNoCalendarRollsByMondayToFridayAndCarriesThatYear() {
            Due due = dates.due("post-activity-report", d(2026, 12, 31));
            assertThat(due.getCounted()).isEqualTo(d(2027, 1, 31));
            assertThat(due.getDate()).isEqualTo(d(2027, 2, 1));
            assertThat(due.getYearsNotLoaded()).containsExactly(2027);
        }

        @Test
        void aWeekdayDueInAYearWithNoCalendarStaysButStillCarriesThatYear() {
            Due due = dates.due("change-report", d(2027, 1, 4));
            assertThat(due.getDate()).isEqualTo(d(2027, 1, 7));
            assertThat(due.getYearsNotLoaded()).containsExactly(2027);
        }

        @Test
        void deadlinesCountedBackAndTheAgreementBarNeverRoll() {
            // 2026-03-28 is a Saturday; one month before 2026-04-28 is that Saturday, and it stays
            assertThat(dates.due("registration", d(2026, 4, 28)).getDate()).isEqualTo(d(2026, 3, 28));
            assertThat(dates.due("agreement-declaration", d(2026, 7, 28)).getDate()).isEqualTo(d(2026, 6, 27));
            assertThat(dates.due("agreement-waiting-period", d(2026, 5, 28)).getDate()).isEqualTo(d(2026, 6, 27));
            assertThat(dates.period("registration").roll()).isEqualTo(NamedPeriod.Roll.NONE);
            assertThat(dates.period("agreement-waiting-period").roll()).isEqualTo(NamedPeriod.Roll.NONE);
            assertThat(dates.period("change-report").roll()).isEqualTo(NamedPeriod.Roll.NEXT_WORKING_DAY);
        }

        @Test
        void anUnknownRollValueIsRefused() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> NamedPeriod.Roll.parse("change-report", "next-business-day"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown roll 'next-business-day'");
        }

        @Test
        void aPeriodCountedBackCannotRoll() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NamedPeriod("registration",
                    java.util.List.of(Period.parse("1 month")), NamedPeriod.Direction.BEFORE,
                    NamedPeriod.Roll.NEXT_WORKING_DAY, "HANDBOOK"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after a date only");
        }
    }
}
