package tw.straitcheck.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tw.straitcheck.Fixtures;
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
import tw.straitcheck.system.FieldError;

class SubmissionReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ExchangeActivity EXCHANGE_ACTIVITY_READ = new ExchangeActivity(
            new School("013301", "國立澎湖高級海事水產職業學校", true),
            "海洋科學夏令營",
            List.of(new Location("浙江省", "舟山市")),
            new InternalUnits("SINGLE", List.of("教務處")),
            "VISIT",
            null,
            List.of("ACADEMIC_CAMP", "SISTER_SCHOOL"),
            null,
            new Organizers("教務處", "06-9261101", "實習處", "06-9261102"),
            List.of("浙江海洋大學"),
            new DateRange(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 10)),
            new TravelPeriod(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 11)),
            "7/6 開幕 ... 7/10 結業",
            new Participants(20, 2, 0),
            false,
            List.of(new Leader("王大明", "教務處", "教務主任", "06-9261101", "wang@example.edu.tw",
                    true, "GRADE_10_OR_BELOW", false, List.of(), false)),
            true,
            List.of(new Funding("OUR_SIDE", "教育部", null, 100_000L, null),
                    new Funding("MAINLAND", "浙江海洋大學", "LANDING_HOSPITALITY", 0L, null),
                    new Funding("SELF_PAID", null, null, 60_000L, null)),
            true,
            new Agreement("WRITTEN_COOPERATION", "浙江海洋大學", null, LocalDate.of(2026, 7, 7), "教學科研交流合作備忘錄 ..."));

    private static final String NON_CIVIL_SERVANT_LEADER = """
            { "name": "李小華", "unit": "實習處", "title": "實習主任", "phone": "06-9261102",
              "email": "lee@example.edu.tw", "civilServant": false }
            """;

    // --- helpers

    /** The example of submission.md section 1 (test resource spec-example.json), which is valid as it stands. */
    static ObjectNode activity() {
        return Fixtures.specExample("013301");
    }

    static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Sets the value at a JSON pointer ("/leaders/0/rank"); a String starting with [ or { is parsed as JSON. */
    static ObjectNode with(ObjectNode root, String pointer, Object value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode newValue = value == null ? NullNode.getInstance()
                : value instanceof String s && (s.startsWith("[") || s.startsWith("{")) ? node(s)
                : JSON.valueToTree(value);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), newValue);
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), newValue);
        }
        return root;
    }

    static ObjectNode without(ObjectNode root, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.remove(at.last().getMatchingIndex());
        } else {
            ((ObjectNode) parent).remove(at.last().getMatchingProperty());
        }
        return root;
    }

    /** Reads the JSON and checks that every error has a path and both messages. */
    static SubmissionReader.Result read(JsonNode json) {
        SubmissionReader.Result result = SubmissionReader.read(json);
        assertThat(result.errors()).allSatisfy(error -> {
            assertThat(error.field()).isNotNull();
            assertThat(error.zh()).isNotBlank();
            assertThat(error.en()).isNotBlank();
        });
        assertThat(result.submission() == null).isEqualTo(!result.valid());
        return result;
    }

    static List<String> errorPaths(JsonNode json) {
        return read(json).errors().stream().map(FieldError::field).toList();
    }

    static FieldError onlyError(JsonNode json, String path) {
        SubmissionReader.Result result = read(json);
        assertThat(result.errors()).extracting(FieldError::field).containsExactly(path);
        return result.errors().get(0);
    }

    static Submission valid(JsonNode json) {
        SubmissionReader.Result result = read(json);
        assertThat(result.errors()).isEmpty();
        return result.submission();
    }

    static ExchangeActivity validActivity(JsonNode json) {
        return (ExchangeActivity) valid(json);
    }

    // --- tests

    @Nested
    class TheExampleRegistration {

        @Test
        void isValidAndEveryFieldIsRead() {
            SubmissionReader.Result result = read(activity());

            assertThat(result.valid()).isTrue();
            assertThat(result.submission()).isEqualTo(EXCHANGE_ACTIVITY_READ);
        }

        @Test
        void readFromYamlWithUnquotedDatesAndNumbersIsTheSame() throws Exception {
            String yaml = """
                    type: EXCHANGE_ACTIVITY
                    school: { code: "013301", name: 國立澎湖高級海事水產職業學校, publicSchool: true }
                    activityName: 海洋科學夏令營
                    locations:
                      - { province: 浙江省, city: 舟山市 }
                    internalUnits: { scope: SINGLE, names: [教務處] }
                    mode: VISIT
                    modeNote:
                    categories: [ACADEMIC_CAMP, SISTER_SCHOOL]
                    organizers: { hostUnit: 教務處, hostPhone: 06-9261101, executingUnit: 實習處, executingPhone: 06-9261102 }
                    mainlandPartners: [浙江海洋大學]
                    activityPeriod: { start: 2026-07-06, end: 2026-07-10 }
                    travelPeriod: { departure: 2026-07-05, return: 2026-07-11 }
                    itineraryText: 7/6 開幕 ... 7/10 結業
                    participants: { students: 20, teachers: 2, others: 0 }
                    leaders:
                      - name: 王大明
                        unit: 教務處
                        title: 教務主任
                        phone: 06-9261101
                        email: wang@example.edu.tw
                        civilServant: true
                        rank: GRADE_10_OR_BELOW
                        agencyHead: false
                        specialIdentities: []
                        plannedStudy: false
                    selfCheckCompleted: true
                    funding:
                      - { source: OUR_SIDE, agency: 教育部, amount: 100000 }
                      - { source: MAINLAND, agency: 浙江海洋大學, support: LANDING_HOSPITALITY, amount: 0 }
                      - { source: SELF_PAID, amount: 60000 }
                    announcedOnCampus: true
                    agreement:
                      kind: WRITTEN_COOPERATION
                      partnerSchool: 浙江海洋大學
                      plannedSigningDate: 2026-07-07
                      text: 教學科研交流合作備忘錄 ...
                    """;

            assertThat(valid(new YAMLMapper().readTree(yaml))).isEqualTo(EXCHANGE_ACTIVITY_READ);
        }

        @Test
        void unknownExtraFieldsAreIgnored() {
            ObjectNode json = with(activity(), "/remarks", "{\"anything\": [1, 2]}");
            with(json, "/school/district", "澎湖縣");

            assertThat(valid(json)).isEqualTo(EXCHANGE_ACTIVITY_READ);
        }

        @Test
        void textIsStrippedOfSurroundingWhiteSpace() {
            ObjectNode json = with(activity(), "/activityName", "　 海洋科學夏令營 \n");

            assertThat(validActivity(json).activityName()).isEqualTo("海洋科學夏令營");
        }

        @Test
        void severalErrorsAreReportedAtOnce() {
            ObjectNode json = activity();
            with(json, "/school/code", " ");
            with(json, "/locations/0/province", "香港");
            with(json, "/mode", "BUS");
            with(json, "/participants/students", -1);
            with(json, "/leaders/0/email", "wang");
            with(json, "/funding/2/amount", "很多");
            with(json, "/activityPeriod/end", "2026-07-01");

            assertThat(errorPaths(json)).containsExactlyInAnyOrder(
                    "school.code", "locations[0].province", "mode", "participants.students", "leaders[0].email",
                    "funding[2].amount", "activityPeriod.end");
        }
    }

    @Nested
    class TypeAndShape {

        @Test
        void aMissingTypeIsOneErrorAtType() {
            onlyError(without(activity(), "/type"), "type");
        }

        @Test
        void anUnknownTypeIsOneErrorListingTheFour() {
            FieldError error = onlyError(with(activity(), "/type", "REGISTRATION"), "type");

            assertThat(error.en()).contains("EXCHANGE_ACTIVITY", "CHANGE", "POST_ACTIVITY_REPORT", "ANNOUNCEMENT");
            assertThat(error.zh()).contains("EXCHANGE_ACTIVITY", "ANNOUNCEMENT");
        }

        @Test
        void aJsonThatIsNotAnObjectIsAnErrorAtTheRoot() {
            onlyError(node("[1, 2]"), "");
            onlyError(node("\"EXCHANGE_ACTIVITY\""), "");
            onlyError(null, "");
        }
    }

    @Nested
    class SchoolFields {

        @Test
        void aBlankCodeIsRequired() {
            FieldError error = onlyError(with(activity(), "/school/code", "  "), "school.code");

            assertThat(error.zh()).isEqualTo("必填");
            assertThat(error.en()).isEqualTo("required");
        }

        @Test
        void aMissingNameIsAnError() {
            onlyError(without(activity(), "/school/name"), "school.name");
        }

        @Test
        void publicSchoolMustBeABoolean() {
            onlyError(with(activity(), "/school/publicSchool", "yes"), "school.publicSchool");
            onlyError(without(activity(), "/school/publicSchool"), "school.publicSchool");
        }

        @Test
        void aNumberForTheCodeIsAnError() {
            // an unquoted YAML 013301 would arrive as a number, without its leading zero
            onlyError(with(activity(), "/school/code", 13301), "school.code");
        }

        @Test
        void aSchoolThatIsTextIsAnErrorAtSchool() {
            onlyError(with(activity(), "/school", "國立澎湖高級海事水產職業學校"), "school");
        }
    }

    @Nested
    class ActivityName {

        @Test
        void aHundredCharactersAreAllowedCountingCodePoints() {
            // 𠀀 is outside the BMP: 100 of them are 200 Java chars but 100 characters
            assertThat(validActivity(with(activity(), "/activityName", "𠀀".repeat(100))).activityName())
                    .hasSize(200);
        }

        @Test
        void aHundredAndOneCharactersAreTooMany() {
            onlyError(with(activity(), "/activityName", "營".repeat(101)), "activityName");
        }

        @Test
        void anEmptyNameIsRequired() {
            onlyError(with(activity(), "/activityName", ""), "activityName");
        }
    }

    @Nested
    class Locations {

        @Test
        void noLocationIsAnErrorAtTheList() {
            onlyError(with(activity(), "/locations", "[]"), "locations");
        }

        @Test
        void anObjectWhereTheListShouldBeIsAnError() {
            onlyError(with(activity(), "/locations", "{\"province\": \"浙江省\", \"city\": \"舟山市\"}"), "locations");
        }

        @Test
        void aLocationThatIsNotAnObjectIsAnErrorAtItsIndex() {
            onlyError(with(activity(), "/locations/0", "浙江省舟山市"), "locations[0]");
        }

        @Test
        void aBlankCityIsRequired() {
            onlyError(with(activity(), "/locations/0/city", " "), "locations[0].city");
        }

        @Test
        void aSimplifiedProvinceIsAcceptedAndStoredTraditional() {
            ObjectNode json = with(activity(), "/locations/0/province", "广西壮族自治区");
            with(json, "/locations/0/city", "南宁市");

            assertThat(validActivity(json).locations()).containsExactly(new Location("廣西壯族自治區", "南宁市"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"内蒙古自治區", "廣西壮族自治区", "浙江　省"})
        void aSpellingMixingTheTwoScriptsIsAcceptedAndStoredTraditional(String province) {
            String traditional = validActivity(with(activity(), "/locations/0/province", province))
                    .locations().get(0).province();

            assertThat(traditional).isIn("內蒙古自治區", "廣西壯族自治區", "浙江省");
        }

        @ParameterizedTest
        @ValueSource(strings = {"浙江", " 浙江省 ", "广东省", "內蒙古", "内蒙古自治区", "寧夏", "新疆维吾尔自治区", "西藏",
                "北京", "重庆", "重慶市"})
        void fullAndShortNamesInEitherScriptAreAccepted(String province) {
            String traditional = validActivity(with(activity(), "/locations/0/province", province))
                    .locations().get(0).province();

            assertThat(MainlandProvinces.all()).extracting(MainlandProvinces.Province::traditional)
                    .contains(traditional);
        }

        @ParameterizedTest
        @ValueSource(strings = {"香港", "香港特別行政區", "澳門", "台灣省", "臺灣省", "東京都", "浙江市"})
        void placesThatAreNotAMainlandProvinceLevelDivisionAreRefused(String province) {
            onlyError(with(activity(), "/locations/0/province", province), "locations[0].province");
        }

        @Test
        void theSecondLocationIsReportedAtItsIndex() {
            ObjectNode json = activity();
            ((ArrayNode) json.get("locations")).add(node("{\"province\": \"上海\"}"));

            onlyError(json, "locations[1].city");
        }
    }

    @Nested
    class InternalUnitsAndPartners {

        @Test
        void anUnknownScopeListsTheAllowedValues() {
            FieldError error = onlyError(with(activity(), "/internalUnits/scope", "ALL"), "internalUnits.scope");

            assertThat(error.en()).contains("SINGLE", "MULTIPLE");
            assertThat(error.zh()).contains("SINGLE", "MULTIPLE");
        }

        @Test
        void noUnitNameIsAnErrorAtTheNames() {
            onlyError(with(activity(), "/internalUnits/names", "[]"), "internalUnits.names");
        }

        @Test
        void aBlankUnitNameIsAnErrorAtItsIndex() {
            onlyError(with(activity(), "/internalUnits/names", "[\"教務處\", \" \"]"), "internalUnits.names[1]");
        }

        @Test
        void noMainlandPartnerIsAnErrorAtTheList() {
            onlyError(with(activity(), "/mainlandPartners", "[]"), "mainlandPartners");
        }

        @Test
        void aBlankMainlandPartnerIsAnError() {
            onlyError(with(activity(), "/mainlandPartners/0", ""), "mainlandPartners[0]");
        }
    }

    @Nested
    class ModeAndCategories {

        @Test
        void anUnknownModeListsTheAllowedValues() {
            FieldError error = onlyError(with(activity(), "/mode", "visit"), "mode");

            assertThat(error.en()).contains("VISIT", "VIDEO", "OTHER");
        }

        @Test
        void modeOtherNeedsAModeNote() {
            onlyError(with(activity(), "/mode", "OTHER"), "modeNote");
        }

        @Test
        void modeOtherWithAModeNoteIsValid() {
            ObjectNode json = with(activity(), "/mode", "OTHER");
            with(json, "/modeNote", "線上與實體並行");

            assertThat(validActivity(json).modeNote()).isEqualTo("線上與實體並行");
        }

        @Test
        void noCategoryIsAnErrorAtTheList() {
            onlyError(with(activity(), "/categories", "[]"), "categories");
        }

        @Test
        void anUnknownCategoryIsAnErrorAtItsIndex() {
            onlyError(with(activity(), "/categories/1", "TOURISM"), "categories[1]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ACADEMIC_OTHER", "SPORTS_OTHER", "YOUTH_OTHER"})
        void anOtherCategoryNeedsACategoryNote(String category) {
            onlyError(with(activity(), "/categories/1", category), "categoryNote");
        }
    }

    @Nested
    class OrganizerFields {

        @Test
        void eachOfTheFourIsRequired() {
            ObjectNode json = activity();
            with(json, "/organizers", "{\"hostUnit\": \"教務處\"}");

            assertThat(errorPaths(json)).containsExactly(
                    "organizers.hostPhone", "organizers.executingUnit", "organizers.executingPhone");
        }

        @Test
        void missingOrganizersAreAnError() {
            onlyError(without(activity(), "/organizers"), "organizers");
        }
    }

    @Nested
    class Periods {

        @Test
        void anActivityStartAfterItsEndIsReportedAtTheEnd() {
            ObjectNode json = with(activity(), "/activityPeriod/start", "2026-07-11");
            with(json, "/travelPeriod/return", "2026-07-12");
            with(json, "/travelPeriod/departure", "2026-07-04");

            onlyError(json, "activityPeriod.end");
        }

        @Test
        void anActivityOfOneDayIsValid() {
            ObjectNode json = with(activity(), "/activityPeriod/end", "2026-07-06");

            assertThat(validActivity(json).activityPeriod().end()).isEqualTo(LocalDate.of(2026, 7, 6));
        }

        @Test
        void aVisitWithoutTravelPeriodIsAnError() {
            onlyError(without(activity(), "/travelPeriod"), "travelPeriod");
        }

        @Test
        void aVideoExchangeNeedsNoTravelPeriod() {
            ObjectNode json = without(activity(), "/travelPeriod");
            with(json, "/mode", "VIDEO");

            assertThat(validActivity(json).travelPeriod()).isNull();
        }

        @Test
        void aDepartureAfterTheActivityStartIsReportedAtTheDeparture() {
            FieldError error = onlyError(with(activity(), "/travelPeriod/departure", "2026-07-07"),
                    "travelPeriod.departure");

            assertThat(error.zh()).isEqualTo("出發日不得晚於活動起始日");
            assertThat(error.en()).isEqualTo("departure must not be after the activity's start date");
        }

        @Test
        void departingOnTheFirstDayAndReturningOnTheLastIsValid() {
            ObjectNode json = with(activity(), "/travelPeriod/departure", "2026-07-06");
            with(json, "/travelPeriod/return", "2026-07-10");

            valid(json);
        }

        @Test
        void aReturnBeforeTheActivityEndIsReportedAtTheReturn() {
            onlyError(with(activity(), "/travelPeriod/return", "2026-07-09"), "travelPeriod.return");
        }

        @Test
        void aDepartureAfterTheReturnIsReportedAtTheReturn() {
            ObjectNode json = with(activity(), "/mode", "VIDEO");
            without(json, "/activityPeriod");
            with(json, "/travelPeriod/departure", "2026-07-12");

            assertThat(errorPaths(json)).containsExactly("activityPeriod", "travelPeriod.return");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-02-30", "2026/07/06", "2026-7-6", "06-07-2026", "2026-07-06T00:00",
                "+2026-07-06"})
        void aMalformedDateIsAnErrorAtThatField(String date) {
            ObjectNode json = with(activity(), "/activityPeriod/start", date);

            onlyError(json, "activityPeriod.start");
        }

        @Test
        void aNumberWhereADateShouldBeIsAnError() {
            onlyError(with(activity(), "/travelPeriod/return", 20260711), "travelPeriod.return");
        }
    }

    @Nested
    class ParticipantsAndFlags {

        @Test
        void aNegativeCountIsAnError() {
            FieldError error = onlyError(with(activity(), "/participants/students", -1), "participants.students");

            assertThat(error.zh()).isEqualTo("須為整數且不小於 0");
            assertThat(error.en()).isEqualTo("must be a whole number, 0 or more");
        }

        @Test
        void aCountGivenAsTextIsAnError() {
            onlyError(with(activity(), "/participants/students", "20"), "participants.students");
        }

        @Test
        void aFractionalCountIsAnError() {
            onlyError(with(activity(), "/participants/teachers", 2.5), "participants.teachers");
        }

        @Test
        void aMissingCountIsAnError() {
            onlyError(without(activity(), "/participants/others"), "participants.others");
        }

        @Test
        void participantsThatAreAListAreAnError() {
            onlyError(with(activity(), "/participants", "[20, 2, 0]"), "participants");
        }

        @Test
        void exchangeStudentProgramDefaultsToFalse() {
            assertThat(validActivity(without(activity(), "/exchangeStudentProgram")).exchangeStudentProgram())
                    .isFalse();
        }

        @Test
        void exchangeStudentProgramMustBeABooleanWhenGiven() {
            onlyError(with(activity(), "/exchangeStudentProgram", "否"), "exchangeStudentProgram");
        }

        @Test
        void selfCheckCompletedIsRequired() {
            onlyError(without(activity(), "/selfCheckCompleted"), "selfCheckCompleted");
        }

        @Test
        void announcedOnCampusMustBeABooleanNotText() {
            onlyError(with(activity(), "/announcedOnCampus", "true"), "announcedOnCampus");
        }

        @Test
        void itineraryTextIsOptional() {
            assertThat(validActivity(without(activity(), "/itineraryText")).itineraryText()).isNull();
        }
    }

    @Nested
    class Leaders {

        @Test
        void noLeaderIsAnErrorAtTheList() {
            onlyError(with(activity(), "/leaders", "[]"), "leaders");
        }

        @Test
        void nameUnitTitlePhoneAndEmailAreRequired() {
            ObjectNode json = with(activity(), "/leaders/0", "{\"civilServant\": false}");

            assertThat(errorPaths(json)).containsExactly(
                    "leaders[0].name", "leaders[0].unit", "leaders[0].title", "leaders[0].phone", "leaders[0].email");
        }

        @ParameterizedTest
        @ValueSource(strings = {"wang", "wang@example", "wang@@example.edu.tw", "王 大明@example.edu.tw"})
        void anEmailThatIsNotAnAddressIsAnError(String email) {
            onlyError(with(activity(), "/leaders/0/email", email), "leaders[0].email");
        }

        @Test
        void civilServantIsRequired() {
            onlyError(without(activity(), "/leaders/0/civilServant"), "leaders[0].civilServant");
        }

        @Test
        void aCivilServantNeedsRankAgencyHeadSpecialIdentitiesAndPlannedStudy() {
            ObjectNode json = activity();
            without(json, "/leaders/0/rank");
            without(json, "/leaders/0/agencyHead");
            without(json, "/leaders/0/specialIdentities");
            without(json, "/leaders/0/plannedStudy");

            assertThat(errorPaths(json)).containsExactly("leaders[0].rank", "leaders[0].agencyHead",
                    "leaders[0].specialIdentities", "leaders[0].plannedStudy");
        }

        @Test
        void theSecondLeadersRankIsReportedAtItsIndex() {
            ObjectNode json = activity();
            ArrayNode leaders = (ArrayNode) json.get("leaders");
            leaders.add(leaders.get(0).deepCopy());
            with(json, "/leaders/1/rank", "GRADE_12");

            FieldError error = onlyError(json, "leaders[1].rank");
            assertThat(error.en()).contains("GRADE_10_OR_BELOW", "GRADE_11_OR_ABOVE");
        }

        @Test
        void anUnknownSpecialIdentityIsAnErrorAtItsIndex() {
            ObjectNode json = with(activity(), "/leaders/0/specialIdentities",
                    "[\"COUNTY_MAGISTRATE\", \"MAYOR\"]");

            onlyError(json, "leaders[0].specialIdentities[1]");
        }

        @Test
        void specialIdentitiesAreRead() {
            ObjectNode json = with(activity(), "/leaders/0/specialIdentities",
                    "[\"NATIONAL_SECURITY_PERSONNEL\", \"CORE_KEY_TECHNOLOGY_PERSONNEL\"]");

            assertThat(validActivity(json).leaders().get(0).specialIdentities())
                    .containsExactly("NATIONAL_SECURITY_PERSONNEL", "CORE_KEY_TECHNOLOGY_PERSONNEL");
        }

        @Test
        void forALeaderWhoIsNotACivilServantTheFourAreIgnoredAndStoredAsNull() {
            ObjectNode json = activity();
            ((ArrayNode) json.get("leaders")).add(node(NON_CIVIL_SERVANT_LEADER));
            with(json, "/leaders/1/rank", "NOT_A_RANK");
            with(json, "/leaders/1/specialIdentities", "whatever");

            assertThat(validActivity(json).leaders().get(1)).isEqualTo(new Leader("李小華", "實習處", "實習主任",
                    "06-9261102", "lee@example.edu.tw", false, null, null, null, null));
        }
    }

    @Nested
    class FundingEntries {

        @Test
        void noFundingIsAnErrorAtTheList() {
            onlyError(with(activity(), "/funding", "[]"), "funding");
        }

        @Test
        void anUnknownSourceIsAnError() {
            onlyError(with(activity(), "/funding/0/source", "SPONSOR"), "funding[0].source");
        }

        @Test
        void ourSideNeedsAgencyAndAmount() {
            ObjectNode json = with(activity(), "/funding/0", "{\"source\": \"OUR_SIDE\"}");

            assertThat(errorPaths(json)).containsExactly("funding[0].agency", "funding[0].amount");
        }

        @Test
        void mainlandNeedsAgencyAndSupport() {
            ObjectNode json = with(activity(), "/funding/1", "{\"source\": \"MAINLAND\"}");

            assertThat(errorPaths(json)).containsExactly("funding[1].agency", "funding[1].support");
        }

        @Test
        void mainlandFullyFreeNeedsNoAmount() {
            ObjectNode json = with(activity(), "/funding/1/support", "FULLY_FREE");
            without(json, "/funding/1/amount");

            assertThat(validActivity(json).funding().get(1))
                    .isEqualTo(new Funding("MAINLAND", "浙江海洋大學", "FULLY_FREE", null, null));
        }

        @Test
        void mainlandOtherSupportNeedsANoteAndAnAmount() {
            ObjectNode json = with(activity(), "/funding/1/support", "OTHER");
            without(json, "/funding/1/amount");

            assertThat(errorPaths(json)).containsExactly("funding[1].amount", "funding[1].note");
        }

        @Test
        void mainlandOtherSupportWithNoteAndAmountIsRead() {
            ObjectNode json = with(activity(), "/funding/1/support", "OTHER");
            with(json, "/funding/1/amount", 5000);
            with(json, "/funding/1/note", "浙江省教育廳補助");

            assertThat(validActivity(json).funding().get(1))
                    .isEqualTo(new Funding("MAINLAND", "浙江海洋大學", "OTHER", 5000L, "浙江省教育廳補助"));
        }

        @Test
        void anUnknownSupportListsTheAllowedValues() {
            FieldError error = onlyError(with(activity(), "/funding/1/support", "FREE"), "funding[1].support");

            assertThat(error.en()).contains("LANDING_HOSPITALITY", "FULLY_FREE", "OTHER");
        }

        @Test
        void selfPaidNeedsAnAmount() {
            onlyError(without(activity(), "/funding/2/amount"), "funding[2].amount");
        }

        @Test
        void aNegativeAmountIsAnError() {
            onlyError(with(activity(), "/funding/2/amount", -5), "funding[2].amount");
        }

        @Test
        void aNoteGivenAsANumberIsAnErrorEvenWhereNotRequired() {
            onlyError(with(activity(), "/funding/2/note", 12), "funding[2].note");
        }

        @Test
        void aLargeAmountIsRead() {
            ObjectNode json = with(activity(), "/funding/0/amount", 3_000_000_000L);

            assertThat(validActivity(json).funding().get(0).amount()).isEqualTo(3_000_000_000L);
        }
    }

    @Nested
    class AgreementWithAMainlandSchool {

        @Test
        void isOptional() {
            assertThat(validActivity(without(activity(), "/agreement")).agreement()).isNull();
        }

        @Test
        void anUnknownKindIsAnError() {
            onlyError(with(activity(), "/agreement/kind", "MOU"), "agreement.kind");
        }

        @Test
        void partnerSchoolAndPlannedSigningDateAreRequired() {
            ObjectNode json = without(activity(), "/agreement/partnerSchool");
            without(json, "/agreement/plannedSigningDate");

            assertThat(errorPaths(json)).containsExactly("agreement.partnerSchool", "agreement.plannedSigningDate");
        }

        @Test
        void aDeclarationDateIsReadWhenGiven() {
            ObjectNode json = with(activity(), "/agreement/declaredToMoeOn", "2026-06-01");

            assertThat(validActivity(json).agreement().declaredToMoeOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        }

        @Test
        void aMalformedDeclarationDateIsAnError() {
            onlyError(with(activity(), "/agreement/declaredToMoeOn", "2026-06-31"), "agreement.declaredToMoeOn");
        }

        @Test
        void anAgreementThatIsAListIsAnError() {
            onlyError(with(activity(), "/agreement", "[]"), "agreement");
        }
    }

    @Nested
    class ChangeNotice {

        static ObjectNode change(String changes) {
            ObjectNode json = JSON.createObjectNode();
            json.put("type", "CHANGE");
            json.put("registrationId", "R-2026-0001");
            json.put("changeOccurredOn", "2026-06-20");
            json.set("changes", node(changes));
            json.put("reason", "陸方調整行程");
            return json;
        }

        @Test
        void onlyAnActivityPeriodChangedIsValidAndTheRestIsNull() {
            Submission.Change change = (Submission.Change) valid(
                    change("{\"activityPeriod\": {\"start\": \"2026-07-07\", \"end\": \"2026-07-11\"}}"));

            assertThat(change.registrationId()).isEqualTo("R-2026-0001");
            assertThat(change.changeOccurredOn()).isEqualTo(LocalDate.of(2026, 6, 20));
            assertThat(change.reason()).isEqualTo("陸方調整行程");
            assertThat(change.changes().given()).containsExactly("activityPeriod");
            assertThat(change.changes().values()).isEqualTo(new ExchangeActivity(null, null, null, null, null, null, null,
                    null, null, null, new DateRange(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 11)), null,
                    null, null, null, null, null, null, null, null));
        }

        @Test
        void errorsInTheChangesArePrefixedWithChanges() {
            ObjectNode json = change("{\"activityPeriod\": {\"start\": \"2026-07-12\", \"end\": \"2026-07-11\"},"
                    + " \"leaders\": [{\"name\": \"王大明\"}]}");

            assertThat(errorPaths(json)).containsExactly("changes.activityPeriod.end", "changes.leaders[0].unit",
                    "changes.leaders[0].title", "changes.leaders[0].phone", "changes.leaders[0].email",
                    "changes.leaders[0].civilServant");
        }

        @Test
        void travelIsCheckedAgainstTheActivityWhenBothAreGiven() {
            ObjectNode json = change("{\"activityPeriod\": {\"start\": \"2026-07-06\", \"end\": \"2026-07-10\"},"
                    + " \"travelPeriod\": {\"departure\": \"2026-07-07\", \"return\": \"2026-07-11\"}}");

            onlyError(json, "changes.travelPeriod.departure");
        }

        @Test
        void modeOtherAloneIsValidBecauseTheNoteMayBeInTheRegistration() {
            Submission.Change change = (Submission.Change) valid(change("{\"mode\": \"OTHER\"}"));

            assertThat(change.changes().values().mode()).isEqualTo("OTHER");
            assertThat(change.changes().values().modeNote()).isNull();
            assertThat(change.changes().given()).containsExactly("mode");
        }

        @Test
        void exchangeStudentProgramIsNotDefaultedInChanges() {
            Submission.Change change = (Submission.Change) valid(change("{\"activityName\": \"海洋科學營\"}"));

            assertThat(change.changes().values().exchangeStudentProgram()).isNull();
        }

        @Test
        void aTypeInsideTheChangesIsIgnored() {
            valid(change("{\"type\": \"ANNOUNCEMENT\", \"locations\": [{\"province\": \"福建\", \"city\": \"廈門市\"}]}"));
        }

        @Test
        void aProvinceInTheChangesIsStoredTraditional() {
            Submission.Change change = (Submission.Change) valid(
                    change("{\"locations\": [{\"province\": \"广东省\", \"city\": \"深圳市\"}]}"));

            assertThat(change.changes().values().locations()).containsExactly(new Location("廣東省", "深圳市"));
        }

        @Test
        void aWholeRegistrationAsChangesIsValid() {
            ObjectNode json = change("{}");
            json.set("changes", activity());

            Submission.RegistrationChanges changes = ((Submission.Change) valid(json)).changes();
            assertThat(changes.values()).isEqualTo(EXCHANGE_ACTIVITY_READ);
            assertThat(changes.given()).isEqualTo(ExchangeActivity.FIELDS);
        }

        @Test
        void registrationIdDateChangesAndReasonAreRequired() {
            ObjectNode json = JSON.createObjectNode().put("type", "CHANGE");

            assertThat(errorPaths(json)).containsExactly("registrationId", "changeOccurredOn", "changes", "reason");
        }

        @Test
        void changesThatAreAListAreAnError() {
            onlyError(change("[]"), "changes");
        }

        @Test
        void aMalformedChangeDateIsAnError() {
            onlyError(with(change("{\"mode\": \"VIDEO\"}"), "/changeOccurredOn", "2026-06-20T10:00"),
                    "changeOccurredOn");
        }
    }

    @Nested
    class PostActivityReports {

        static ObjectNode report(String held) {
            ObjectNode json = (ObjectNode) node("""
                    { "type": "POST_ACTIVITY_REPORT", "registrationId": "R-2026-0001",
                      "actualPeriod": {"start": "2026-07-06", "end": "2026-07-10"}, "actualStudents": 18,
                      "difficulties": "無", "reflections": "學生收穫良多" }
                    """);
            return with(json, "/held", held);
        }

        @Test
        void aHeldActivityIsRead() {
            assertThat(valid(report("HELD"))).isEqualTo(new Submission.PostActivityReport("R-2026-0001", "HELD",
                    new DateRange(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 10)), 18, "無", "學生收穫良多",
                    null, null));
        }

        @Test
        void aHeldOrVideoActivityNeedsTheRest() {
            ObjectNode json = (ObjectNode) node(
                    "{\"type\": \"POST_ACTIVITY_REPORT\", \"registrationId\": \"R-1\", \"held\": \"VIDEO\"}");

            assertThat(errorPaths(json)).containsExactly("actualPeriod", "actualStudents", "difficulties",
                    "reflections");
        }

        @Test
        void anActivityNotHeldNeedsOnlyItsRegistration() {
            ObjectNode json = (ObjectNode) node(
                    "{\"type\": \"POST_ACTIVITY_REPORT\", \"registrationId\": \"R-1\", \"held\": \"NOT_HELD\"}");

            assertThat(valid(json)).isEqualTo(
                    new Submission.PostActivityReport("R-1", "NOT_HELD", null, null, null, null, null, null));
        }

        @Test
        void anActivityNotHeldStillHasItsGivenValuesChecked() {
            onlyError(with(report("NOT_HELD"), "/actualStudents", -1), "actualStudents");
        }

        @Test
        void heldAndRegistrationIdAreRequired() {
            ObjectNode json = without(without(report("HELD"), "/held"), "/registrationId");

            assertThat(errorPaths(json)).containsExactly("registrationId", "held");
        }

        @Test
        void anUnknownHeldListsTheAllowedValues() {
            FieldError error = onlyError(report("CANCELLED"), "held");

            assertThat(error.en()).contains("HELD", "NOT_HELD", "VIDEO");
        }

        @Test
        void anActualStartAfterTheEndIsReportedAtTheEnd() {
            onlyError(with(report("HELD"), "/actualPeriod/start", "2026-07-11"), "actualPeriod.end");
        }

        @Test
        void difficultiesOfTwoHundredCharactersAreAllowedButNotMore() {
            valid(with(report("HELD"), "/difficulties", "難".repeat(200)));
            onlyError(with(report("HELD"), "/difficulties", "難".repeat(201)), "difficulties");
            onlyError(with(report("HELD"), "/reflections", "思".repeat(201)), "reflections");
        }

        @Test
        void thePlannedPeriodsAreReadAndCheckedWhenGiven() {
            ObjectNode json = with(report("HELD"), "/activityPeriod",
                    "{\"start\": \"2026-07-06\", \"end\": \"2026-07-10\"}");
            with(json, "/travelPeriod", "{\"departure\": \"2026-07-05\", \"return\": \"2026-07-11\"}");
            Submission.PostActivityReport report = (Submission.PostActivityReport) valid(json);
            assertThat(report.activityPeriod())
                    .isEqualTo(new DateRange(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 10)));
            assertThat(report.travelPeriod())
                    .isEqualTo(new TravelPeriod(LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 11)));

            with(json, "/travelPeriod/departure", "2026-07-12");
            with(json, "/activityPeriod/end", "2026-07-01");
            assertThat(errorPaths(json)).containsExactly("activityPeriod.end", "travelPeriod.return");
        }
    }

    @Nested
    class Announcements {

        static ObjectNode announcement() {
            return (ObjectNode) node("""
                    { "type": "ANNOUNCEMENT",
                      "school": { "code": "013301", "name": "國立澎湖高級海事水產職業學校", "publicSchool": true },
                      "activityName": "2026 海峽兩岸青少年夏令營", "announcementMethod": "網站、公佈欄",
                      "announcementPeriod": {"start": "2026-05-01", "end": "2026-05-31"},
                      "attachmentText": "活動簡章 ...", "selfCheckCompleted": true,
                      "acknowledgedGroupTravelRegistration": true }
                    """);
        }

        @Test
        void isRead() {
            assertThat(valid(announcement())).isEqualTo(new Submission.Announcement(
                    new School("013301", "國立澎湖高級海事水產職業學校", true), "2026 海峽兩岸青少年夏令營", "網站、公佈欄",
                    new DateRange(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)), "活動簡章 ...", true, true));
        }

        @Test
        void attachmentTextIsOptional() {
            assertThat(((Submission.Announcement) valid(without(announcement(), "/attachmentText"))).attachmentText())
                    .isNull();
        }

        @Test
        void theTwoConfirmationsAreRequired() {
            ObjectNode json = without(announcement(), "/selfCheckCompleted");
            with(json, "/acknowledgedGroupTravelRegistration", "yes");

            assertThat(errorPaths(json)).containsExactly("selfCheckCompleted", "acknowledgedGroupTravelRegistration");
        }

        @Test
        void anAnnouncementMethodOfMoreThanTwoHundredCharactersIsAnError() {
            valid(with(announcement(), "/announcementMethod", "網".repeat(200)));
            onlyError(with(announcement(), "/announcementMethod", "網".repeat(201)), "announcementMethod");
        }

        @Test
        void anActivityNameOfMoreThanAHundredCharactersIsAnError() {
            onlyError(with(announcement(), "/activityName", "營".repeat(101)), "activityName");
        }

        @Test
        void anAnnouncementPeriodEndingBeforeItStartsIsReportedAtTheEnd() {
            onlyError(with(announcement(), "/announcementPeriod/end", "2026-04-30"), "announcementPeriod.end");
        }

        @Test
        void theSchoolIsChecked() {
            onlyError(without(announcement(), "/school/code"), "school.code");
        }
    }

    @Nested
    class TheProvinceList {

        @Test
        void hasTheThirtyOneDivisionsEachSpelledInBothScripts() {
            List<MainlandProvinces.Province> all = MainlandProvinces.all();

            assertThat(all).hasSize(31);
            assertThat(all).extracting(MainlandProvinces.Province::traditional).doesNotHaveDuplicates()
                    .doesNotContain("臺灣省", "台灣省", "香港特別行政區", "澳門特別行政區");
            assertThat(all).allSatisfy(province -> {
                assertThat(province.simplified()).isNotBlank();
                assertThat(province.shortForms()).isNotEmpty();
            });
            assertThat(all.stream().filter(p -> p.traditional().endsWith("省"))).hasSize(22);
            assertThat(all.stream().filter(p -> p.traditional().endsWith("自治區"))).hasSize(5);
            assertThat(all.stream().filter(p -> p.traditional().endsWith("市"))).hasSize(4);
        }

        @Test
        void mapsEverySpellingToTheTraditionalName() {
            Map<String, String> expected = Map.of(
                    "浙江省", "浙江省", "广东省", "廣東省", "內蒙古自治區", "內蒙古自治區", "内蒙古自治区", "內蒙古自治區",
                    "广西", "廣西壯族自治區", "宁夏回族自治区", "寧夏回族自治區", "新疆", "新疆維吾爾自治區",
                    "西藏自治区", "西藏自治區", " 重庆 ", "重慶市", "北京", "北京市");

            expected.forEach((input, traditional) ->
                    assertThat(MainlandProvinces.traditionalName(input)).as(input).contains(traditional));
        }

        @Test
        void knowsNothingElse() {
            assertThat(MainlandProvinces.traditionalName("香港")).isEmpty();
            assertThat(MainlandProvinces.traditionalName("台灣")).isEmpty();
            assertThat(MainlandProvinces.traditionalName("")).isEmpty();
            assertThat(MainlandProvinces.traditionalName(null)).isEmpty();
        }
    }

    @Nested
    class ResultsReportActivityPeriod {

        private ObjectNode withoutPeriod() {
            ObjectNode json = Fixtures.baseline("results-report");
            json.remove("activityPeriod");
            return json;
        }

        @Test
        void withoutTheStoreTheReportsOwnActivityPeriodIsRequired() {
            assertThat(SubmissionReader.read(withoutPeriod()).errors()).extracting(FieldError::field)
                    .containsExactly("activityPeriod");
        }

        @Test
        void theServiceWhichHoldsTheSubsidyMayBeGivenAReportWithoutIt() {
            SubmissionReader.Result read = SubmissionReader.readWithStore(withoutPeriod());
            assertThat(read.errors()).isEmpty();
            assertThat(((Submission.ResultsReport) read.submission()).activityPeriod()).isNull();
        }

        @Test
        void aPeriodGivenToTheServiceIsStillChecked() {
            ObjectNode json = with(Fixtures.baseline("results-report"), "/activityPeriod",
                    "{\"start\": \"2026-09-18\", \"end\": \"2026-09-14\"}");
            assertThat(SubmissionReader.readWithStore(json).errors()).extracting(FieldError::field)
                    .containsExactly("activityPeriod.end");
        }
    }
}
