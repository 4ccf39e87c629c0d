package tw.straitcheck.submission;

import java.time.LocalDate;
import java.util.List;

/**
 * A submission as the spec (shared/spec/submission.md) defines it, after it has been read and
 * validated by {@link SubmissionReader}. Provinces are in their Traditional spelling; booleans the
 * spec defaults (exchangeStudentProgram) are filled in.
 */
public sealed interface Submission {

    String type();

    /** 教育交流活動登錄. In a {@link Change} the same record holds the fields as they are now, null where not given. */
    record ExchangeActivity(
            School school,
            String activityName,
            List<Location> locations,
            InternalUnits internalUnits,
            String mode,
            String modeNote,
            List<String> categories,
            String categoryNote,
            Organizers organizers,
            List<String> mainlandPartners,
            DateRange activityPeriod,
            TravelPeriod travelPeriod,
            String itineraryText,
            Participants participants,
            Boolean exchangeStudentProgram,
            List<Leader> leaders,
            Boolean selfCheckCompleted,
            List<Funding> funding,
            Boolean announcedOnCampus,
            Agreement agreement) implements Submission {

        public static final String TYPE = "EXCHANGE_ACTIVITY";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** 活動變更通報: the registration as it is now ({@code changes}), checked again as a whole. */
    record Change(String registrationId, LocalDate changeOccurredOn, ExchangeActivity changes, String reason)
            implements Submission {

        public static final String TYPE = "CHANGE";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * 事後登錄. {@code activityPeriod} and {@code travelPeriod} are the registration's planned dates
     * when the caller gives them (a stateless check has no stored registration to look them up in).
     */
    record PostActivityReport(
            String registrationId,
            String held,
            DateRange actualPeriod,
            Integer actualStudents,
            String difficulties,
            String reflections,
            DateRange activityPeriod,
            TravelPeriod travelPeriod) implements Submission {

        public static final String TYPE = "POST_ACTIVITY_REPORT";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** 協助公告陸方活動訊息登錄. */
    record Announcement(
            School school,
            String activityName,
            String announcementMethod,
            DateRange announcementPeriod,
            String attachmentText,
            Boolean selfCheckCompleted,
            Boolean acknowledgedGroupTravelRegistration) implements Submission {

        public static final String TYPE = "ANNOUNCEMENT";

        @Override
        public String type() {
            return TYPE;
        }
    }

    record School(String code, String name, Boolean publicSchool) {
    }

    /** {@code province} is stored in its Traditional spelling (浙江省, 廣西壯族自治區). */
    record Location(String province, String city) {
    }

    record InternalUnits(String scope, List<String> names) {
    }

    record Organizers(String hostUnit, String hostPhone, String executingUnit, String executingPhone) {
    }

    record DateRange(LocalDate start, LocalDate end) {
    }

    /** JSON {@code {"departure", "return"}}. */
    record TravelPeriod(LocalDate departure, LocalDate returnDate) {
    }

    record Participants(Integer students, Integer teachers, Integer others) {
    }

    record Leader(
            String name,
            String unit,
            String title,
            String phone,
            String email,
            Boolean civilServant,
            String rank,
            Boolean agencyHead,
            List<String> specialIdentities,
            Boolean plannedStudy) {
    }

    record Funding(String source, String agency, String support, Long amount, String note) {
    }

    record Agreement(String kind, String partnerSchool, LocalDate declaredToMoeOn, LocalDate plannedSigningDate,
            String text) {
    }
}
