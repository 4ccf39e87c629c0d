package tw.straitcheck.checking.dates;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The government office calendar (政府行政機關辦公日曆表), one CSV a year as data.gov.tw
 * publishes it: {@code 西元日期,星期,是否放假,備註} where 是否放假 0 is a working day and 2 a day
 * off, so a 補行上班 Saturday counts as a working day. The files come in UTF-8 (with or without
 * a byte-order mark) or in Big5, and are read as published.
 */
public final class OfficeCalendar {

    private static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** Per loaded year, bit n set when day-of-year n+1 is a working day. */
    private final Map<Integer, BitSet> workingDays;

    private OfficeCalendar(Map<Integer, BitSet> workingDays) {
        this.workingDays = workingDays;
    }

    /** Reads each published file; the key is only used in error messages. */
    public static OfficeCalendar fromFiles(Map<String, byte[]> files) {
        Map<Integer, BitSet> years = new TreeMap<>();
        files.forEach((name, content) -> readYear(name, decode(content), years));
        return new OfficeCalendar(years);
    }

    private static final String HEADER = "西元日期,星期,是否放假,備註";
    private static final String WEEKDAYS = "一二三四五六日";

    /**
     * A calendar file as the government publishes it (UTF-8 with or without a byte-order mark, or
     * Big5), checked and stored as the packaged ones are: UTF-8 with a byte-order mark, one line per
     * day. {@code name} is its path ("calendar/2027.csv"): every day must be of that year, each once,
     * the whole year, with the weekday the date has. A problem is refused with its line.
     */
    public static byte[] normalised(String name, byte[] content) {
        String text = decode(content);
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (!base.matches("\\d{4}\\.csv")) {
            throw new IllegalArgumentException(name + ": a calendar file is named for its year, such as calendar/2027.csv");
        }
        int year = Integer.parseInt(base.substring(0, 4));
        String[] lines = text.split("\r?\n");
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append('\n');
        BitSet seen = new BitSet(366);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!header) {
                if (!line.replace("\"", "").replace(" ", "").equals(HEADER)) {
                    throw new IllegalArgumentException(name + " line " + (i + 1) + ": the first line must be " + HEADER);
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = unquote(cells[c]);
            }
            if (cells.length != 4) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected 4 columns " + HEADER);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0], BASIC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": not a date YYYYMMDD: " + cells[0], e);
            }
            if (day.getYear() != year) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": " + cells[0] + " is not in " + year);
            }
            if (seen.get(day.getDayOfYear() - 1)) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": " + cells[0] + " is listed twice");
            }
            seen.set(day.getDayOfYear() - 1);
            String weekday = String.valueOf(WEEKDAYS.charAt(day.getDayOfWeek().getValue() - 1));
            if (!cells[1].equals(weekday)) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": " + cells[0] + " is 星期" + weekday
                        + ", not " + cells[1]);
            }
            if (!cells[2].equals("0") && !cells[2].equals("2")) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": 是否放假 must be 0 or 2, was " + cells[2]);
            }
            out.append(String.join(",", cells)).append('\n');
        }
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        if (seen.cardinality() != days) {
            throw new IllegalArgumentException(name + ": has " + seen.cardinality() + " days of " + year + ", needs all " + days);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, BIG5);
        }
    }

    private static void readYear(String name, String text, Map<Integer, BitSet> years) {
        String[] lines = text.split("\r?\n");
        boolean headerSeen = false;
        int days = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = unquote(cells[c]);
            }
            if (!headerSeen && !cells[0].isEmpty() && !Character.isDigit(cells[0].charAt(0))) {
                headerSeen = true; // 西元日期,星期,是否放假,備註
                continue;
            }
            headerSeen = true;
            if (cells.length < 3) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected 西元日期,星期,是否放假,備註");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0], BASIC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": not a date YYYYMMDD: " + cells[0], e);
            }
            boolean working = switch (cells[2]) {
                case "0" -> true;
                case "2" -> false;
                default -> throw new IllegalArgumentException(
                        name + " line " + (i + 1) + ": 是否放假 must be 0 or 2, was " + cells[2]);
            };
            BitSet year = years.computeIfAbsent(day.getYear(), y -> new BitSet(366));
            year.set(day.getDayOfYear() - 1, working);
            days++;
        }
        if (days == 0) {
            throw new IllegalArgumentException(name + ": no days in the calendar file");
        }
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).strip() : c;
    }

    public boolean isLoaded(int year) {
        return workingDays.containsKey(year);
    }

    public SortedSet<Integer> loadedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(workingDays.keySet()));
    }

    /** Whether the day is a working day; for a year with no calendar, Monday to Friday. */
    public boolean isWorkingDay(LocalDate day) {
        BitSet year = workingDays.get(day.getYear());
        if (year == null) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
        return year.get(day.getDayOfYear() - 1);
    }
}
