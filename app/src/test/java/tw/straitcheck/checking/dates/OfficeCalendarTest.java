package tw.straitcheck.checking.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.RuleFiles;

class OfficeCalendarTest {

    private static final String HEADER = "西元日期,星期,是否放假,備註\r\n";

    private static byte[] bom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static OfficeCalendar of(String name, byte[] content) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content);
        return OfficeCalendar.fromFiles(files);
    }

    @Nested
    @DisplayName("The calendars published under rules/calendar")
    class PublishedCalendars {

        private final OfficeCalendar calendar = OfficeCalendar.fromFiles(
                RuleFiles.fromDirectory(ProjectFiles.rules()).matching("calendar/", ".csv"));

        @Test
        void theYears2017To2026AreLoadedAnd2027IsNot() {
            assertThat(calendar.loadedYears())
                    .containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
            assertThat(calendar.isLoaded(2027)).isFalse();
            assertThat(calendar.isLoaded(2016)).isFalse();
        }

        @Test
        void lunarNewYear2025FromTheBig5FileIsNotAWorkingDay() {
            for (int day = 27; day <= 31; day++) {
                assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, day))).as("2025-01-%d", day).isFalse();
            }
        }

        @Test
        void anOrdinaryWeekdayOf2025IsAWorkingDay() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 24))).isTrue(); // Friday before the holiday
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 3))).isTrue();  // Monday after it
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 12))).isTrue();
        }

        @Test
        void aSaturdayMarkedAsAMakeUpWorkdayCountsAsAWorkingDay() {
            // 20250208,六,0,補行上班 (Big5 file) and 20240217,六,0,補行上班 (UTF-8 with BOM)
            assertThat(LocalDate.of(2025, 2, 8).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 17))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2017, 2, 18))).isTrue(); // 調整上班
            // the Sunday after it is not
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 9))).isFalse();
        }

        @Test
        void anOrdinarySaturdayAndSundayAreNotWorkingDays() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 15))).isFalse();
        }

        @Test
        void nationalHolidaysOf2026AreNotWorkingDays() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();   // 開國紀念日, Thursday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();  // 農曆除夕, Monday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 27))).isFalse();  // 補假 for 228, Friday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();   // 勞動節, Friday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 28))).isFalse();  // 教師節, Monday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse(); // 行憲紀念日, Friday
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();   // back to work
        }

        @Test
        void forTheUnloadedYear2027MondayToFridayAreWorkingDaysAndTheWeekendIsNot() {
            LocalDate monday = LocalDate.of(2027, 3, 15);
            assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            for (int i = 0; i < 5; i++) {
                assertThat(calendar.isWorkingDay(monday.plusDays(i))).as("%s", monday.plusDays(i)).isTrue();
            }
            assertThat(calendar.isWorkingDay(monday.plusDays(5))).isFalse();
            assertThat(calendar.isWorkingDay(monday.plusDays(6))).isFalse();
            // even New Year's Day, for lack of a calendar
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        }

        @Test
        void everyDayOf2026IsCountedAsTheFileSays() {
            long working = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                    .filter(calendar::isWorkingDay).count();
            // as many as the lines of 2026.csv that say 0, counted straight from the file
            assertThat(working).isEqualTo(ProjectWorkingDays.count2026()).isEqualTo(245);
        }
    }

    /** Counts the 0s of 2026.csv straight from the bytes, independently of the reader. */
    static final class ProjectWorkingDays {
        static long count2026() {
            String text = new String(RuleFiles.fromDirectory(ProjectFiles.rules()).bytes("calendar/2026.csv"),
                    StandardCharsets.UTF_8);
            return text.lines().filter(l -> l.matches("\\uFEFF?2026\\d{4},.,0,.*")).count();
        }
    }

    @Nested
    @DisplayName("Calendar files in each published encoding")
    class Encodings {

        private static final String WEEK = HEADER
                + "20300101,二,2,開國紀念日\r\n"
                + "20300102,三,0,\r\n"
                + "20300105,六,0,補行上班\r\n"
                + "20300106,日,2,\r\n";

        private void assertReadAsPublished(OfficeCalendar calendar) {
            assertThat(calendar.loadedYears()).containsExactly(2030);
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 2))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 6))).isFalse();
        }

        @Test
        void aUtf8FileWithAByteOrderMarkIsRead() {
            assertReadAsPublished(of("2030.csv", bom(WEEK)));
        }

        @Test
        void aUtf8FileWithoutAByteOrderMarkIsRead() {
            assertReadAsPublished(of("2030.csv", WEEK.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void aBig5FileIsRead() {
            byte[] big5 = WEEK.getBytes(Charset.forName("Big5"));
            assertThat(big5).isNotEqualTo(WEEK.getBytes(StandardCharsets.UTF_8));
            assertReadAsPublished(of("2030.csv", big5));
        }

        @Test
        void filesOfDifferentEncodingsAreReadTogether() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("2030.csv", WEEK.getBytes(Charset.forName("Big5")));
            files.put("2031.csv", bom(HEADER + "20310101,三,2,開國紀念日\n20310102,四,0,\n"));
            OfficeCalendar calendar = OfficeCalendar.fromFiles(files);
            assertThat(calendar.loadedYears()).containsExactly(2030, 2031);
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 2))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
        }
    }

    @Nested
    @DisplayName("Malformed calendar files")
    class Refused {

        @Test
        void aDayWithIsOffEqualToOneIsRefusedNamingTheFileAndLine() {
            byte[] file = bom(HEADER + "20300101,二,2,開國紀念日\r\n20300102,三,1,\r\n");
            assertThatThrownBy(() -> of("calendar/2030.csv", file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calendar/2030.csv")
                    .hasMessageContaining("line 3");
        }

        @Test
        void aMalformedDateIsRefusedNamingTheFileAndLine() {
            byte[] file = (HEADER + "20300101,二,2,開國紀念日\n20300102,三,0,\n20301332,四,0,\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> of("calendar/2030.csv", file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calendar/2030.csv")
                    .hasMessageContaining("line 4")
                    .hasMessageContaining("20301332");
        }

        @Test
        void aRowAfterTheHeaderWhoseDateIsNotANumberIsRefusedNamingTheFileAndLine() {
            byte[] file = (HEADER + "20300101,二,2,開國紀念日\n元旦,三,0,\n").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> of("calendar/2030.csv", file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calendar/2030.csv")
                    .hasMessageContaining("line 3");
        }

        @Test
        void aFileWithQuotedCellsIsNotSilentlyIgnored() {
            byte[] file = (HEADER + "\"20300101\",\"二\",\"2\",\"開國紀念日\"\n\"20300102\",\"三\",\"0\",\"\"\n")
                    .getBytes(StandardCharsets.UTF_8);
            // either read (2030 loaded, 1/2 a working day) or refused naming the file: never loaded as nothing
            try {
                OfficeCalendar calendar = of("calendar/2030.csv", file);
                assertThat(calendar.loadedYears()).containsExactly(2030);
                assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
            } catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessageContaining("calendar/2030.csv");
            }
        }

        @Test
        void aBig5FileWithAMalformedDateIsRefusedNamingTheFileAndLine() {
            byte[] file = (HEADER + "2030-01-01,二,2,開國紀念日\r\n").getBytes(Charset.forName("Big5"));
            assertThatThrownBy(() -> of("calendar/2030.csv", file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("calendar/2030.csv")
                    .hasMessageContaining("line 2");
        }
    }

    @Test
    void theLinesOfAFileAreNumberedFromOneIncludingTheHeader() {
        // the header is line 1: a bad value right after it is on line 2
        byte[] file = (HEADER + "20300101,二,x,\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> of("2030.csv", file))
                .hasMessage("2030.csv line 2: 是否放假 must be 0 or 2, was x");
    }
}
