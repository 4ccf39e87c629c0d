package tw.straitcheck.filing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import tw.straitcheck.checking.Citation;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.system.TaipeiClock;

/**
 * A record's obligations as an iCalendar file ({@code obligations.ics}): one all-day event on each
 * due date, titled by the rule, with the cited passages in its description, so the school's own
 * calendar reminds it. The UID is the receipt, the ruleId and the subject: downloading the file
 * again updates the events instead of doubling them. Days are Taipei's (Asia/Taipei).
 */
final class ObligationsCalendar {

    static final String CONTENT_TYPE = "text/calendar;charset=utf-8";

    private ObligationsCalendar() {
    }

    static String of(String receipt, String activityName, List<ReportedFinding> findings, Locale locale, Instant now) {
        Calendar calendar = new Calendar()
                .withProdId("-//StraitCheck//obligations//" + locale.toLanguageTag().toUpperCase(Locale.ROOT))
                .withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", receipt + " " + activityName))
                .withProperty(new XProperty("X-WR-TIMEZONE", TaipeiClock.ZONE.getId()))
                .withComponent(TimeZoneRegistryFactory.getInstance().createRegistry()
                        .getTimeZone(TaipeiClock.ZONE.getId()).getVTimeZone())
                .getFluentTarget();
        for (ReportedFinding f : findings) {
            if (f.kind() != FindingKind.OBLIGATION || f.due() == null) {
                continue;
            }
            VEvent event = (VEvent) new VEvent(false)
                    .withProperty(new DtStamp(now))
                    .withProperty(new DtStart<>(f.due()))
                    .withProperty(new DtEnd<>(f.due().plusDays(1)))
                    .withProperty(new Summary(f.title().text(locale)))
                    .withProperty(new Description(description(receipt, activityName, f)))
                    .withProperty(new Uid(uid(receipt, f)))
                    .getFluentTarget();
            calendar = calendar.withComponent(event).getFluentTarget();
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ics.toString();
    }

    /** Stable across downloads: the same obligation of the same record is the same event. */
    static String uid(String receipt, ReportedFinding f) {
        String subject = f.subject() == null ? "" : "-" + Integer.toHexString(f.subject().hashCode());
        return receipt + "-" + f.ruleId() + subject + "@straitcheck";
    }

    private static String description(String receipt, String activityName, ReportedFinding f) {
        String cited = f.citations().stream().map(ObligationsCalendar::quoted).collect(Collectors.joining("\n"));
        return receipt + " " + activityName + (f.subject() == null ? "" : " (" + f.subject() + ")") + "\n" + cited;
    }

    private static String quoted(Citation c) {
        return c.source() + " " + c.ref() + ": " + c.text();
    }
}
