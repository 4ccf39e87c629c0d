package tw.straitcheck.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A submission as the spec (shared/spec/submission.md) defines it, after it has been read and
 * validated by {@link SubmissionReader}. Provinces are in their Traditional spelling; booleans the
 * spec defaults (exchangeStudentProgram) are filled in.
 */
public sealed interface Submission {

    String type();

    /**
     * The submission with the text of an uploaded file in {@code field} (the itinerary's
     * {@code itineraryText}, an announcement's {@code attachmentText}): the file is what was filed.
     */
    default Submission withFileText(String field, String text) {
        throw new IllegalArgumentException(type() + " takes no file for " + field);
    }

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

        /** The registration's fields by their JSON names, in the spec's order. */
        public static final Set<String> FIELDS = Set.of("school", "activityName", "locations", "internalUnits", "mode",
                "modeNote", "categories", "categoryNote", "organizers", "mainlandPartners", "activityPeriod",
                "travelPeriod", "itineraryText", "participants", "exchangeStudentProgram", "leaders",
                "selfCheckCompleted", "funding", "announcedOnCampus", "agreement");

        @Override
        @JsonProperty("type")
        public String type() {
            return TYPE;
        }

        @Override
        public ExchangeActivity withFileText(String field, String text) {
            if (!"itineraryText".equals(field)) {
                throw new IllegalArgumentException(TYPE + " takes no file for " + field);
            }
            return new ExchangeActivity(school, activityName, locations, internalUnits, mode, modeNote, categories,
                    categoryNote, organizers, mainlandPartners, activityPeriod, travelPeriod, text, participants,
                    exchangeStudentProgram, leaders, selfCheckCompleted, funding, announcedOnCampus, agreement);
        }
    }

    /**
     * The fields a change notice gives ({@code given}, by their JSON names), with their values in
     * {@code values}; the fields not given are null there. A field given as null clears it.
     */
    record RegistrationChanges(ExchangeActivity values, Set<String> given) {

        public RegistrationChanges {
            given = Set.copyOf(given);
        }

        /** The registration as it stands after these changes: each field given replaces the stored one. */
        public ExchangeActivity applyTo(ExchangeActivity base) {
            ExchangeActivity v = values;
            return new ExchangeActivity(
                    pick("school", v.school(), base.school()),
                    pick("activityName", v.activityName(), base.activityName()),
                    pick("locations", v.locations(), base.locations()),
                    pick("internalUnits", v.internalUnits(), base.internalUnits()),
                    pick("mode", v.mode(), base.mode()),
                    pick("modeNote", v.modeNote(), base.modeNote()),
                    pick("categories", v.categories(), base.categories()),
                    pick("categoryNote", v.categoryNote(), base.categoryNote()),
                    pick("organizers", v.organizers(), base.organizers()),
                    pick("mainlandPartners", v.mainlandPartners(), base.mainlandPartners()),
                    pick("activityPeriod", v.activityPeriod(), base.activityPeriod()),
                    pick("travelPeriod", v.travelPeriod(), base.travelPeriod()),
                    pick("itineraryText", v.itineraryText(), base.itineraryText()),
                    pick("participants", v.participants(), base.participants()),
                    pick("exchangeStudentProgram", v.exchangeStudentProgram(), base.exchangeStudentProgram()),
                    pick("leaders", v.leaders(), base.leaders()),
                    pick("selfCheckCompleted", v.selfCheckCompleted(), base.selfCheckCompleted()),
                    pick("funding", v.funding(), base.funding()),
                    pick("announcedOnCampus", v.announcedOnCampus(), base.announcedOnCampus()),
                    pick("agreement", v.agreement(), base.agreement()));
        }

        /** Every field of a whole registration given: what a change to it says when it is read as a whole. */
        public static RegistrationChanges whole(ExchangeActivity registration) {
            return new RegistrationChanges(registration, ExchangeActivity.FIELDS);
        }

        RegistrationChanges withFileText(String field, String text) {
            Set<String> fields = new HashSet<>(given);
            fields.add(field);
            return new RegistrationChanges(values.withFileText(field, text), fields);
        }

        private <T> T pick(String field, T changed, T stored) {
            return given.contains(field) ? changed : stored;
        }
    }

    /** 活動變更通報: the registration as it is now ({@code changes}), checked again as a whole. */
    record Change(String registrationId, LocalDate changeOccurredOn, RegistrationChanges changes, String reason)
            implements Submission {

        public static final String TYPE = "CHANGE";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Change withFileText(String field, String text) {
            return new Change(registrationId, changeOccurredOn, changes.withFileText(field, text), reason);
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

        @Override
        public Announcement withFileText(String field, String text) {
            if (!"attachmentText".equals(field)) {
                throw new IllegalArgumentException(TYPE + " takes no file for " + field);
            }
            return new Announcement(school, activityName, announcementMethod, announcementPeriod, text,
                    selfCheckCompleted, acknowledgedGroupTravelRegistration);
        }
    }

    /** 教育部補助辦理兩岸(含港澳)學術教育交流活動 申請 (submission.md 6). */
    record SubsidyApplication(
            Applicant applicant,
            String activityName,
            String purpose,
            String activityKind,
            String activityKindNote,
            String venue,
            List<Location> locations,
            List<String> partners,
            Boolean nationalEvent,
            DateRange activityPeriod,
            String itineraryText,
            SubsidyParticipants participants,
            Budget budget,
            List<String> documents,
            String relatedRegistrationId) implements Submission {

        public static final String TYPE = "SUBSIDY_APPLICATION";

        @Override
        @JsonProperty("type")
        public String type() {
            return TYPE;
        }

        @Override
        public SubsidyApplication withFileText(String field, String text) {
            if (!"itineraryText".equals(field)) {
                throw new IllegalArgumentException(TYPE + " takes no file for " + field);
            }
            return new SubsidyApplication(applicant, activityName, purpose, activityKind, activityKindNote, venue,
                    locations, partners, nationalEvent, activityPeriod, text, participants, budget, documents,
                    relatedRegistrationId);
        }
    }

    /**
     * 成果報告 (submission.md 7). {@code activityPeriod} is the subsidy's, given by the report in a
     * check without the store.
     */
    record ResultsReport(
            String subsidyId,
            DateRange activityPeriod,
            String held,
            Long approvedTotal,
            List<ExpenditureItem> expenditure,
            List<ProgressItem> progress,
            List<Outcome> outcomes,
            String highlights,
            Boolean statementOfAccountsAttached) implements Submission {

        public static final String TYPE = "RESULTS_REPORT";

        @Override
        @JsonProperty("type")
        public String type() {
            return TYPE;
        }
    }

    record Applicant(String kind, String code, String name, String localGovernment, Integer financialTier,
            LocalDate registeredOn, Boolean nonProfit) {
    }

    record SubsidyParticipants(Integer count, Integer students) {
    }

    record Budget(Long total, Long requestedFromMoe, List<OtherSource> otherSources) {
    }

    record OtherSource(String agency, Long amount, Boolean mainland) {
    }

    record ExpenditureItem(String item, Long approved, Long actual, String note) {
    }

    record ProgressItem(String item, LocalDate plannedCompletion, Integer percent, String delayReason) {
    }

    record Outcome(String expected, Boolean achieved, String note) {
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
    record TravelPeriod(LocalDate departure, @JsonProperty("return") LocalDate returnDate) {
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
