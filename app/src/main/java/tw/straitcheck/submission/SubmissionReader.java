package tw.straitcheck.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tw.straitcheck.checking.facts.ActivityCategory;
import tw.straitcheck.checking.facts.ActivityKind;
import tw.straitcheck.checking.facts.AgreementKind;
import tw.straitcheck.checking.facts.ApplicantKind;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.Document;
import tw.straitcheck.checking.facts.FundingSource;
import tw.straitcheck.checking.facts.FundingSupport;
import tw.straitcheck.checking.facts.Held;
import tw.straitcheck.checking.facts.Mode;
import tw.straitcheck.checking.facts.Rank;
import tw.straitcheck.checking.facts.ResultsHeld;
import tw.straitcheck.checking.facts.SpecialIdentity;
import tw.straitcheck.checking.facts.Venue;
import tw.straitcheck.submission.Submission.Agreement;
import tw.straitcheck.submission.Submission.DateRange;
import tw.straitcheck.submission.Submission.ExchangeActivity;
import tw.straitcheck.submission.Submission.Funding;
import tw.straitcheck.submission.Submission.InternalUnits;
import tw.straitcheck.submission.Submission.Leader;
import tw.straitcheck.submission.Submission.Location;
import tw.straitcheck.submission.Submission.Organizers;
import tw.straitcheck.submission.Submission.Participants;
import tw.straitcheck.submission.Submission.School;
import tw.straitcheck.submission.Submission.TravelPeriod;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;

/**
 * Reads a submission (shared/spec/submission.md) from its JSON tree and checks every field rule of
 * the spec, reporting all errors at once, each at the path of the field it is about.
 */
public final class SubmissionReader {

    /** The submission when it is valid (null otherwise), and its field errors. */
    public record Result(Submission submission, List<FieldError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }

        /** The submission; an invalid one is refused (422) with every field error, and nothing is stored. */
        public Submission orRefuse() {
            if (!valid()) {
                throw ApiException.invalid(errors);
            }
            return submission;
        }
    }

    static final List<String> TYPES = List.of(ExchangeActivity.TYPE, Submission.Change.TYPE,
            Submission.PostActivityReport.TYPE, Submission.Announcement.TYPE, Submission.SubsidyApplication.TYPE,
            Submission.ResultsReport.TYPE);
    static final List<String> SCOPES = List.of("SINGLE", "MULTIPLE");
    // The codes are the engine's (checking.facts), so what is accepted here is what the rules match.
    static final List<String> MODES = Codes.names(Mode.class);
    static final List<String> CATEGORIES = Codes.names(ActivityCategory.class);
    static final List<String> RANKS = Codes.names(Rank.class);
    /** Act art. 9(4), subparagraphs 1 to 6, which the rulebase checks against its data list. */
    static final List<String> SPECIAL_IDENTITIES = Codes.names(SpecialIdentity.class);
    static final List<String> FUNDING_SOURCES = Codes.names(FundingSource.class);
    static final List<String> MAINLAND_SUPPORT = Codes.names(FundingSupport.class);
    static final List<String> AGREEMENT_KINDS = Codes.names(AgreementKind.class);
    static final List<String> HELD = Codes.names(Held.class);
    static final List<String> APPLICANT_KINDS = Codes.names(ApplicantKind.class);
    static final List<String> ACTIVITY_KINDS = Codes.names(ActivityKind.class);
    static final List<String> VENUES = Codes.names(Venue.class);
    static final List<String> DOCUMENTS = Codes.names(Document.class);
    static final List<String> RESULTS_HELD = Codes.names(ResultsHeld.class);
    /** SUBSIDY 2(三): the groups whose registration date and (for a foundation) non-profit status matter. */
    static final Set<String> GROUPS = Set.of("ACADEMIC_ASSOCIATION", "EDUCATION_FOUNDATION", "SOCIAL_EDUCATION_GROUP");
    static final int TIER_MIN = 1;
    static final int TIER_MAX = 5;
    static final int PERCENT_MAX = 100;

    static final int NAME_MAX = 100;
    static final int ANNOUNCEMENT_METHOD_MAX = 200;
    static final int REPORT_TEXT_MAX = 200;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final FieldReader read = new FieldReader();
    /** Whether the caller holds the stored subsidies (the service), which give a results report its activity period. */
    private final boolean withStore;

    private SubmissionReader(boolean withStore) {
        this.withStore = withStore;
    }

    /** Reads a submission for a check without the store (the jar's check and test-cases): a results report states its activity period. */
    public static Result read(JsonNode json) {
        return new SubmissionReader(false).result(json);
    }

    /**
     * Reads a submission as the service does, which holds the stored subsidies: a results report
     * may leave out its activity period, which the stored subsidy gives (submission.md section 7).
     */
    public static Result readWithStore(JsonNode json) {
        return new SubmissionReader(true).result(json);
    }

    private Result result(JsonNode json) {
        Submission submission = readSubmission(Field.root(json));
        List<FieldError> errors = read.errors();
        return new Result(errors.isEmpty() ? submission : null, errors);
    }

    private Submission readSubmission(Field root) {
        if (!root.node().isObject()) {
            read.error(root, "field.submission-not-object");
            return null;
        }
        String type = read.requiredOneOf(root.get("type"), TYPES);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case ExchangeActivity.TYPE -> readExchangeActivity(root, false);
            case Submission.Change.TYPE -> readChange(root);
            case Submission.PostActivityReport.TYPE -> readPostActivityReport(root);
            case Submission.Announcement.TYPE -> readAnnouncement(root);
            case Submission.SubsidyApplication.TYPE -> readSubsidyApplication(root);
            case Submission.ResultsReport.TYPE -> readResultsReport(root);
            default -> throw new IllegalStateException(type);
        };
    }

    // --- 1. Exchange activity registration

    /**
     * The top-level fields of an activity. In a change notice ({@code partial}) only the fields
     * given are read, each by the same rules; the others stay null.
     */
    private record ActivityFields(Field json, boolean partial) {
        <T> T read(String name, Function<Field, T> reading) {
            Field field = json.get(name);
            return partial && field.isAbsent() ? null : reading.apply(field);
        }
    }

    private ExchangeActivity readExchangeActivity(Field json, boolean partial) {
        ActivityFields fields = new ActivityFields(json, partial);
        School school = fields.read("school", this::readSchool);
        String activityName = fields.read("activityName", f -> read.requiredText(f, NAME_MAX));
        List<Location> locations = fields.read("locations", this::readLocations);
        InternalUnits internalUnits = fields.read("internalUnits", this::readInternalUnits);
        String mode = fields.read("mode", f -> read.requiredOneOf(f, MODES));
        String modeNote = fields.read("modeNote", read::optionalText);
        List<String> categories = fields.read("categories", f -> readOneOfList(f, CATEGORIES, true));
        String categoryNote = fields.read("categoryNote", read::optionalText);
        Organizers organizers = fields.read("organizers", this::readOrganizers);
        List<String> mainlandPartners = fields.read("mainlandPartners", this::readTextList);
        DateRange activityPeriod = fields.read("activityPeriod", this::readDateRange);
        TravelPeriod travelPeriod = fields.read("travelPeriod", f -> readIfGiven(f, this::readTravelPeriod));
        String itineraryText = fields.read("itineraryText", read::optionalText);
        Participants participants = fields.read("participants", this::readParticipants);
        Boolean exchangeStudentProgram = fields.read("exchangeStudentProgram", read::optionalBoolean);
        if (exchangeStudentProgram == null && !partial) {
            exchangeStudentProgram = false;
        }
        List<Leader> leaders = fields.read("leaders", this::readLeaders);
        Boolean selfCheckCompleted = fields.read("selfCheckCompleted", read::requiredBoolean);
        List<Funding> funding = fields.read("funding", this::readFunding);
        Boolean announcedOnCampus = fields.read("announcedOnCampus", read::requiredBoolean);
        Agreement agreement = fields.read("agreement", f -> readIfGiven(f, this::readAgreement));

        ExchangeActivity activity = new ExchangeActivity(school, activityName, locations, internalUnits, mode, modeNote,
                categories, categoryNote, organizers, mainlandPartners, activityPeriod, travelPeriod, itineraryText,
                participants, exchangeStudentProgram, leaders, selfCheckCompleted, funding, announcedOnCampus,
                agreement);
        // Fields required by another one's value. In a change notice a rule between two fields
        // applies only when both are given: the rest of the registration is not in the notice.
        String prefix = json.path().isEmpty() ? "" : json.path() + ".";
        read.errors(partial ? travelAroundActivity(activity, prefix)
                : wholeErrors(activity, prefix, !json.get("travelPeriod").isAbsent()));
        return activity;
    }

    /**
     * The rules between the fields of a whole registration, for one read as a whole or one that a
     * change notice has changed; {@code prefix} is where the registration stands ({@code changes.}).
     */
    public static List<FieldError> wholeErrors(ExchangeActivity a, String prefix) {
        return wholeErrors(a, prefix, a.travelPeriod() != null);
    }

    private static List<FieldError> wholeErrors(ExchangeActivity a, String prefix, boolean travelPeriodGiven) {
        List<FieldError> errors = new ArrayList<>();
        if ("OTHER".equals(a.mode()) && a.modeNote() == null) {
            errors.add(FieldError.of(prefix + "modeNote", "field.required-when-mode-other"));
        }
        if (a.categories() != null && a.categoryNote() == null
                && a.categories().stream().anyMatch(category -> category.endsWith("_OTHER"))) {
            errors.add(FieldError.of(prefix + "categoryNote", "field.required-when-category-other"));
        }
        if (a.mode() != null && !"VIDEO".equals(a.mode()) && !travelPeriodGiven) {
            errors.add(FieldError.of(prefix + "travelPeriod", "field.required-unless-video"));
        }
        errors.addAll(travelAroundActivity(a, prefix));
        return errors;
    }

    private static List<FieldError> travelAroundActivity(ExchangeActivity a, String prefix) {
        DateRange activityPeriod = a.activityPeriod();
        TravelPeriod travelPeriod = a.travelPeriod();
        if (activityPeriod == null || travelPeriod == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (isAfter(travelPeriod.departure(), activityPeriod.start())) {
            errors.add(FieldError.of(prefix + "travelPeriod.departure", "field.departure-after-start"));
        }
        if (isAfter(activityPeriod.end(), travelPeriod.returnDate())) {
            errors.add(FieldError.of(prefix + "travelPeriod.return", "field.return-before-end"));
        }
        return errors;
    }
    private School readSchool(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        return new School(
                read.requiredText(field.get("code")),
                read.requiredText(field.get("name")),
                read.requiredBoolean(field.get("publicSchool")));
    }

    private List<Location> readLocations(Field field) {
        List<Field> elements = read.nonEmptyList(field);
        if (elements == null) {
            return null;
        }
        return objects(elements, element -> new Location(readProvince(element.get("province")),
                read.requiredText(element.get("city"))));
    }

    private String readProvince(Field field) {
        String input = read.requiredText(field);
        if (input == null) {
            return null;
        }
        return MainlandProvinces.traditionalName(input).orElseGet(() -> {
            read.error(field, "field.province");
            return null;
        });
    }

    private InternalUnits readInternalUnits(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        return new InternalUnits(
                read.requiredOneOf(field.get("scope"), SCOPES),
                readTextList(field.get("names")));
    }

    private Organizers readOrganizers(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        return new Organizers(
                read.requiredText(field.get("hostUnit")),
                read.requiredText(field.get("hostPhone")),
                read.requiredText(field.get("executingUnit")),
                read.requiredText(field.get("executingPhone")));
    }

    private Participants readParticipants(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        return new Participants(
                read.requiredCount(field.get("students")),
                read.requiredCount(field.get("teachers")),
                read.requiredCount(field.get("others")));
    }

    private List<Leader> readLeaders(Field field) {
        List<Field> elements = read.nonEmptyList(field);
        if (elements == null) {
            return null;
        }
        return objects(elements, this::readLeader);
    }

    private Leader readLeader(Field field) {
        String name = read.requiredText(field.get("name"));
        String unit = read.requiredText(field.get("unit"));
        String title = read.requiredText(field.get("title"));
        String phone = read.requiredText(field.get("phone"));
        String email = read.requiredText(field.get("email"));
        if (email != null && !EMAIL.matcher(email).matches()) {
            read.error(field.get("email"), "field.email");
        }
        Boolean civilServant = read.requiredBoolean(field.get("civilServant"));
        // The four questions below are asked only of a civil servant; for anyone else (or when
        // the answer to civilServant is missing) they are ignored, not checked.
        if (!Boolean.TRUE.equals(civilServant)) {
            return new Leader(name, unit, title, phone, email, civilServant, null, null, null, null);
        }
        Localized civil = Messages.of("field.required-when-civil-servant");
        return new Leader(name, unit, title, phone, email, true,
                readRequired(field.get("rank"), civil, f -> read.requiredOneOf(f, RANKS)),
                readRequired(field.get("agencyHead"), civil, read::requiredBoolean),
                readRequired(field.get("specialIdentities"), civil, f -> readOneOfList(f, SPECIAL_IDENTITIES, false)),
                readRequired(field.get("plannedStudy"), civil, read::requiredBoolean));
    }

    private List<Funding> readFunding(Field field) {
        List<Field> elements = read.nonEmptyList(field);
        if (elements == null) {
            return null;
        }
        return objects(elements, this::readFundingEntry);
    }

    /**
     * The table: OUR_SIDE needs agency and amount; MAINLAND needs agency and support, and for
     * support OTHER also note and amount; SELF_PAID needs amount. What a source does not need is
     * optional but still checked when given, except {@code support}, which only a MAINLAND source has.
     */
    private Funding readFundingEntry(Field field) {
        String source = read.requiredOneOf(field.get("source"), FUNDING_SOURCES);
        boolean ourSide = "OUR_SIDE".equals(source);
        boolean mainland = "MAINLAND".equals(source);
        boolean selfPaid = "SELF_PAID".equals(source);
        Localized forSource = Messages.of("field.required-when-source", source);

        String agency = readRequiredWhen(ourSide || mainland, field.get("agency"), forSource, read::requiredText);
        String support = mainland
                ? readRequired(field.get("support"), forSource, f -> read.requiredOneOf(f, MAINLAND_SUPPORT))
                : null;
        boolean otherSupport = mainland && "OTHER".equals(support);
        Localized forOtherSupport = Messages.of("field.required-when-support-other");
        Long amount = readRequiredWhen(ourSide || selfPaid || otherSupport, field.get("amount"),
                otherSupport ? forOtherSupport : forSource, read::requiredAmount);
        String note = readRequiredWhen(otherSupport, field.get("note"), forOtherSupport, read::requiredText);
        return new Funding(source, agency, support, amount, note);
    }

    private Agreement readAgreement(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        return new Agreement(
                read.requiredOneOf(field.get("kind"), AGREEMENT_KINDS),
                read.requiredText(field.get("partnerSchool")),
                read.optionalDate(field.get("declaredToMoeOn")),
                read.requiredDate(field.get("plannedSigningDate")),
                read.optionalText(field.get("text")));
    }

    // --- 2. Change notice

    private Submission.Change readChange(Field json) {
        String registrationId = read.requiredText(json.get("registrationId"));
        LocalDate changeOccurredOn = read.requiredDate(json.get("changeOccurredOn"));
        Field changes = read.requiredObject(json.get("changes"));
        // A "type" inside changes is not one of the registration's fields and is ignored.
        Submission.RegistrationChanges changed = null;
        if (changes != null) {
            Set<String> given = new HashSet<>();
            changes.node().fieldNames().forEachRemaining(name -> {
                if (ExchangeActivity.FIELDS.contains(name)) {
                    given.add(name);
                }
            });
            changed = new Submission.RegistrationChanges(readExchangeActivity(changes, true), given);
        }
        String reason = read.requiredText(json.get("reason"));
        return new Submission.Change(registrationId, changeOccurredOn, changed, reason);
    }

    // --- 3. Post-activity report

    private Submission.PostActivityReport readPostActivityReport(Field json) {
        String registrationId = read.requiredText(json.get("registrationId"));
        String held = read.requiredOneOf(json.get("held"), HELD);
        // For NOT_HELD (and when held itself is missing or wrong) the rest is optional, but a value
        // given is still checked.
        boolean tookPlace = "HELD".equals(held) || "VIDEO".equals(held);
        Localized whenTookPlace = Messages.of("field.required-when-took-place");
        return new Submission.PostActivityReport(
                registrationId,
                held,
                readRequiredWhen(tookPlace, json.get("actualPeriod"), whenTookPlace, this::readDateRange),
                readRequiredWhen(tookPlace, json.get("actualStudents"), whenTookPlace, read::requiredCount),
                readRequiredWhen(tookPlace, json.get("difficulties"), whenTookPlace,
                        f -> read.requiredText(f, REPORT_TEXT_MAX)),
                readRequiredWhen(tookPlace, json.get("reflections"), whenTookPlace,
                        f -> read.requiredText(f, REPORT_TEXT_MAX)),
                readIfGiven(json.get("activityPeriod"), this::readDateRange),
                readIfGiven(json.get("travelPeriod"), this::readTravelPeriod));
    }

    // --- 4. Announcement of mainland activity information

    private Submission.Announcement readAnnouncement(Field json) {
        return new Submission.Announcement(
                readSchool(json.get("school")),
                read.requiredText(json.get("activityName"), NAME_MAX),
                read.requiredText(json.get("announcementMethod"), ANNOUNCEMENT_METHOD_MAX),
                readDateRange(json.get("announcementPeriod")),
                read.optionalText(json.get("attachmentText")),
                read.requiredBoolean(json.get("selfCheckCompleted")),
                read.requiredBoolean(json.get("acknowledgedGroupTravelRegistration")));
    }

    // --- 6. Subsidy application

    private Submission.SubsidyApplication readSubsidyApplication(Field json) {
        Submission.Applicant applicant = readApplicant(json.get("applicant"));
        String activityName = read.requiredText(json.get("activityName"), NAME_MAX);
        String purpose = read.requiredText(json.get("purpose"));
        String activityKind = read.requiredOneOf(json.get("activityKind"), ACTIVITY_KINDS);
        Localized otherKind = Messages.of("field.required-when-kind-other");
        String activityKindNote = readRequiredWhen("OTHER".equals(activityKind), json.get("activityKindNote"), otherKind,
                read::requiredText);
        String venue = read.requiredOneOf(json.get("venue"), VENUES);
        List<Location> locations = null;
        Field locationsField = json.get("locations");
        if ("MAINLAND".equals(venue)) {
            locations = readRequired(locationsField, Messages.of("field.required-when-venue-mainland"),
                    this::readLocations);
        } else if (venue != null && !locationsField.isAbsent() && !locationsField.node().isNull()) {
            read.error(locationsField, "field.only-when-venue-mainland");
        }
        List<String> partners;
        Field partnersField = json.get("partners");
        if (venue != null && !"DOMESTIC".equals(venue)) {
            partners = readRequired(partnersField, Messages.of("field.required-unless-venue-domestic"),
                    this::readTextList);
        } else {
            partners = readIfGiven(partnersField, f -> readTextList(f, false));
        }
        Boolean nationalEvent = read.requiredBoolean(json.get("nationalEvent"));
        DateRange activityPeriod = readDateRange(json.get("activityPeriod"));
        String itineraryText = read.optionalText(json.get("itineraryText"));
        Submission.SubsidyParticipants participants = readSubsidyParticipants(json.get("participants"));
        Submission.Budget budget = readBudget(json.get("budget"));
        List<String> documents = readOneOfList(json.get("documents"), DOCUMENTS, false);
        String relatedRegistrationId = read.optionalText(json.get("relatedRegistrationId"));
        return new Submission.SubsidyApplication(applicant, activityName, purpose, activityKind, activityKindNote, venue,
                locations, partners, nationalEvent, activityPeriod, itineraryText, participants, budget, documents,
                relatedRegistrationId);
    }

    private Submission.Applicant readApplicant(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        String kind = read.requiredOneOf(field.get("kind"), APPLICANT_KINDS);
        String code = read.requiredText(field.get("code"));
        String name = read.requiredText(field.get("name"));
        String localGovernment = read.optionalText(field.get("localGovernment"));
        Integer tier = read.requiredCount(field.get("financialTier"));
        if (tier != null && (tier < TIER_MIN || tier > TIER_MAX)) {
            read.error(field.get("financialTier"), "field.financial-tier", TIER_MIN, TIER_MAX);
            tier = null;
        }
        boolean group = kind != null && GROUPS.contains(kind);
        Localized forGroup = Messages.of("field.required-for-group");
        LocalDate registeredOn = readRequiredWhen(group, field.get("registeredOn"), forGroup, read::requiredDate);
        Localized forFoundation = Messages.of("field.required-for-foundation");
        Boolean nonProfit = readRequiredWhen("EDUCATION_FOUNDATION".equals(kind), field.get("nonProfit"), forFoundation,
                read::requiredBoolean);
        return new Submission.Applicant(kind, code, name, localGovernment, tier, registeredOn, nonProfit);
    }

    private Submission.SubsidyParticipants readSubsidyParticipants(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        Integer count = read.requiredCount(field.get("count"));
        if (count != null && count < 1) {
            read.error(field.get("count"), "field.at-least", 1);
        }
        Integer students = read.requiredCount(field.get("students"));
        if (count != null && students != null && students > count) {
            read.error(field.get("students"), "field.students-over-count");
        }
        return new Submission.SubsidyParticipants(count, students);
    }

    private Submission.Budget readBudget(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        Long total = read.requiredAmount(field.get("total"));
        if (total != null && total < 1) {
            read.error(field.get("total"), "field.at-least", 1);
        }
        Long requested = read.requiredAmount(field.get("requestedFromMoe"));
        if (total != null && requested != null && requested > total) {
            read.error(field.get("requestedFromMoe"), "field.requested-over-total");
        }
        List<Submission.OtherSource> otherSources = List.of();
        Field sources = field.get("otherSources");
        if (!sources.isAbsent() && !sources.node().isNull()) {
            List<Field> elements = read.requiredList(sources);
            if (elements != null) {
                List<Submission.OtherSource> entries = new ArrayList<>();
                for (Field element : elements) {
                    if (read.requiredObject(element) != null) {
                        Boolean mainland = read.optionalBoolean(element.get("mainland"));
                        entries.add(new Submission.OtherSource(read.requiredText(element.get("agency")),
                                read.requiredAmount(element.get("amount")), mainland != null && mainland));
                    }
                }
                otherSources = entries;
            }
        }
        return new Submission.Budget(total, requested, otherSources);
    }

    // --- 7. Results report

    private Submission.ResultsReport readResultsReport(Field json) {
        String subsidyId = read.requiredText(json.get("subsidyId"));
        // The service takes the activity period of the stored subsidy (a period given must be the
        // same); without the store the report's own period is the subsidy's, so then it is required.
        DateRange activityPeriod = withStore ? readIfGiven(json.get("activityPeriod"), this::readDateRange)
                : readDateRange(json.get("activityPeriod"));
        String held = read.requiredOneOf(json.get("held"), RESULTS_HELD);
        boolean notHeld = "NOT_HELD".equals(held);
        Long approvedTotal = read.requiredAmount(json.get("approvedTotal"));
        if (approvedTotal != null && approvedTotal < 1) {
            read.error(json.get("approvedTotal"), "field.at-least", 1);
        }
        Localized whenHeld = Messages.of("field.required-unless-not-held");
        List<Submission.ExpenditureItem> expenditure = readRequiredWhen(!notHeld, json.get("expenditure"), whenHeld,
                this::readExpenditure);
        if (expenditure != null && approvedTotal != null
                && expenditure.stream().allMatch(e -> e.approved() != null)) {
            long sum = expenditure.stream().mapToLong(Submission.ExpenditureItem::approved).sum();
            if (!expenditure.isEmpty() && sum != approvedTotal) {
                read.error(json.get("expenditure"), "field.approved-sum", sum, approvedTotal);
            }
        }
        List<Submission.ProgressItem> progress = readIfGiven(json.get("progress"), this::readProgress);
        List<Submission.Outcome> outcomes = readIfGiven(json.get("outcomes"), this::readOutcomes);
        String highlights = read.optionalText(json.get("highlights"));
        Boolean statement = read.requiredBoolean(json.get("statementOfAccountsAttached"));
        return new Submission.ResultsReport(subsidyId, activityPeriod, held, approvedTotal, expenditure,
                progress, outcomes, highlights, statement);
    }

    private List<Submission.ExpenditureItem> readExpenditure(Field field) {
        List<Field> elements = read.nonEmptyList(field);
        if (elements == null) {
            return null;
        }
        return objects(elements, element -> new Submission.ExpenditureItem(read.requiredText(element.get("item")),
                read.requiredAmount(element.get("approved")), read.requiredAmount(element.get("actual")),
                read.optionalText(element.get("note"))));
    }

    private List<Submission.ProgressItem> readProgress(Field field) {
        List<Field> elements = read.requiredList(field);
        if (elements == null) {
            return null;
        }
        List<Submission.ProgressItem> items = new ArrayList<>();
        for (Field element : elements) {
            if (read.requiredObject(element) != null) {
                Integer percent = read.requiredCount(element.get("percent"));
                if (percent != null && percent > PERCENT_MAX) {
                    read.error(element.get("percent"), "field.percent", 0, PERCENT_MAX);
                    percent = null;
                }
                items.add(new Submission.ProgressItem(read.requiredText(element.get("item")),
                        read.requiredDate(element.get("plannedCompletion")), percent,
                        read.optionalText(element.get("delayReason"))));
            }
        }
        return items;
    }

    private List<Submission.Outcome> readOutcomes(Field field) {
        List<Field> elements = read.requiredList(field);
        if (elements == null) {
            return null;
        }
        return objects(elements, element -> new Submission.Outcome(read.requiredText(element.get("expected")),
                read.requiredBoolean(element.get("achieved")), read.optionalText(element.get("note"))));
    }

    // --- shared shapes

    /** {@code {start, end}}, both required, start ≤ end (reported at end). */
    private DateRange readDateRange(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        LocalDate start = read.requiredDate(field.get("start"));
        LocalDate end = read.requiredDate(field.get("end"));
        if (isAfter(start, end)) {
            read.error(field.get("end"), "field.end-before-start");
        }
        return new DateRange(start, end);
    }

    /** {@code {departure, return}}, both required, departure ≤ return (reported at return). */
    private TravelPeriod readTravelPeriod(Field field) {
        if (read.requiredObject(field) == null) {
            return null;
        }
        LocalDate departure = read.requiredDate(field.get("departure"));
        LocalDate returnDate = read.requiredDate(field.get("return"));
        if (isAfter(departure, returnDate)) {
            read.error(field.get("return"), "field.return-before-departure");
        }
        return new TravelPeriod(departure, returnDate);
    }

    /** A list of at least one non-blank text (mainlandPartners, internalUnits.names). */
    private List<String> readTextList(Field field) {
        return readTextList(field, true);
    }

    /** A list of non-blank texts; with {@code atLeastOne} false it may be empty (a domestic subsidy's partners). */
    private List<String> readTextList(Field field, boolean atLeastOne) {
        List<Field> elements = atLeastOne ? read.nonEmptyList(field) : read.requiredList(field);
        if (elements == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Field element : elements) {
            String text = read.requiredText(element);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private List<String> readOneOfList(Field field, List<String> allowed, boolean atLeastOne) {
        List<Field> elements = atLeastOne ? read.nonEmptyList(field) : read.requiredList(field);
        if (elements == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Field element : elements) {
            String value = read.requiredOneOf(element, allowed);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Why a field that is otherwise optional is required, said when it is missing. */
    /** An optional field: null when not given, else read (and checked) by {@code reading}. */
    /** Each element that is an object, read by {@code one}; an element that is not is reported and left out. */
    private <T> List<T> objects(List<Field> elements, Function<Field, T> one) {
        List<T> items = new ArrayList<>(elements.size());
        for (Field element : elements) {
            if (read.requiredObject(element) != null) {
                items.add(one.apply(element));
            }
        }
        return items;
    }

    private static <T> T readIfGiven(Field field, Function<Field, T> reading) {
        return field.isAbsent() ? null : reading.apply(field);
    }

    /** A field required for a reason: when it is missing, the error says {@code why}. */
    private <T> T readRequired(Field field, Localized why, Function<Field, T> reading) {
        if (field.isAbsent()) {
            read.error(field, why);
            return null;
        }
        return reading.apply(field);
    }

    private <T> T readRequiredWhen(boolean required, Field field, Localized why, Function<Field, T> reading) {
        return required ? readRequired(field, why, reading) : readIfGiven(field, reading);
    }

    private static boolean isAfter(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isAfter(b);
    }
}
