package tw.straitcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.SpecialIdentity;

/**
 * Valid submissions of realistic shape for benchmarks: exchange activities of every mode with
 * civil-servant leaders, mainland funding and agreements in varying proportions, itineraries of a
 * few hundred characters (Traditional and Simplified) that now and then contain listed words,
 * plus change notices, post-activity reports and announcements. Same seed, same submissions.
 */
public final class SubmissionGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROVINCES = {"浙江省", "福建省", "广东省", "上海市", "北京市", "江苏省", "四川省", "内蒙古自治区"};
    private static final String[] PARTNERS = {"浙江海洋大學", "廈門大學", "复旦大学附属中学", "福州第一中學", "南京師範大學",
        "杭州市教育局", "共青團福建省委", "华东师范大学", "某某非政府組織", "深圳中學"};
    /** A keyword of rules/lists/political-content.yaml that the generated itineraries use (one sentence of them). */
    public static final String LISTED_KEYWORD = "升旗儀式";
    private static final String[] SENTENCES = {
        "上午參訪校園並與陸方師生座談，交流海洋科學課程設計。", "下午進行分組實作，學生共同完成水質檢測報告。",
        "晚上於宿舍進行心得分享與團體討論。", "参观博物馆并了解当地历史文化。", "與姊妹校學生進行籃球友誼賽。",
        "參觀愛國主義教育基地並聽取講解。", "出席開幕式，觀看升旗儀式。", "學生分組使用統一發票進行消費教學活動。",
        "前往當地企業參訪產學合作模式。", "举办两岸青年论坛，主题为科技创新。", "結業典禮並頒發研習證書。",
        "課程介紹：中國台灣省的地理與人文。", "自由活動，注意安全。"};
    private static final String[] CATEGORIES = {"ACADEMIC_CAMP", "ACADEMIC_VISIT_STUDY", "SISTER_SCHOOL", "STUDENT_EXCHANGE",
        "SEMINAR", "INTERNSHIP", "SPORTS_EVENT", "YOUTH_FORUM"};
    private static final String[] IDENTITIES = Codes.names(SpecialIdentity.class).toArray(String[]::new);

    private final SplittableRandom random;

    public SubmissionGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A sample school's name, for seeded records (cli/Seed): the n-th of a few hundred. */
    public static String schoolName(int n) {
        String[] kinds = {"國立", "市立", "私立"};
        String[] levels = {"高級中學", "大學", "科技大學", "高級職業學校"};
        return kinds[n % kinds.length] + "示範第" + (n + 1) + levels[(n / kinds.length) % levels.length];
    }

    public List<JsonNode> generate(int count) {
        return generate(count, false);
    }

    /**
     * {@code count} submissions: 80% registrations, 10% change notices, 5% post-activity reports,
     * 5% announcements; {@code withSubsidies} replaces a tenth of the registrations by subsidy
     * applications and a tenth by results reports (64 / 8 / 8 / 10 / 5 / 5).
     */
    public List<JsonNode> generate(int count, boolean withSubsidies) {
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (withSubsidies && kind < 16) {
                out.add(kind < 8 ? subsidyApplication(i) : resultsReport(i));
                continue;
            }
            out.add(kind < 80 ? exchangeActivity(i) : kind < 90 ? change(i) : kind < 95 ? postReport() : announcement(i));
        }
        return out;
    }

    private ObjectNode subsidyApplication(int n) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "SUBSIDY_APPLICATION");
        ObjectNode applicant = s.putObject("applicant");
        boolean group = random.nextInt(4) == 0;
        applicant.put("kind", group ? "ACADEMIC_ASSOCIATION" : "SCHOOL");
        applicant.put("code", String.format("%06d", n % 500));
        applicant.put("name", group ? "兩岸教育學會" : "國立示範高級中學");
        applicant.put("financialTier", 1 + random.nextInt(5));
        if (group) {
            applicant.put("registeredOn", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2400)).toString());
        }
        s.put("activityName", "兩岸教育論壇" + n);
        s.put("purpose", "交流課程與教學經驗");
        String kind = pick(new String[] {"SEMINAR", "FORUM", "COMPETITION_OR_STUDY"});
        s.put("activityKind", kind);
        s.put("venue", "MAINLAND");
        s.putArray("locations").addObject().put("province", "浙江省").put("city", "舟山市");
        s.putArray("partners").add(pick(PARTNERS));
        s.put("nationalEvent", random.nextInt(10) == 0);
        LocalDate start = LocalDate.of(2026, 6, 1).plusDays(random.nextInt(400));
        s.putObject("activityPeriod").put("start", start.toString()).put("end", start.plusDays(4).toString());
        s.put("itineraryText", pick(SENTENCES));
        int count = 2 + random.nextInt(20);
        s.putObject("participants").put("count", count).put("students", random.nextInt(count + 1));
        long total = 100_000 + 10_000L * random.nextInt(50);
        ObjectNode budget = s.putObject("budget");
        budget.put("total", total);
        budget.put("requestedFromMoe", total * (30 + random.nextInt(70)) / 100);
        budget.putArray("otherSources");
        var documents = s.putArray("documents").add("ACTIVITY_PLAN").add("BUDGET_FORM").add("ROSTER").add("INVITATION_LETTER");
        if (kind.equals("SEMINAR")) {
            documents.add("SEMINAR_PAPERS");
        }
        if (group) {
            documents.add("REGISTRATION_CERTIFICATE");
        }
        return s;
    }

    private ObjectNode resultsReport(int n) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "RESULTS_REPORT");
        s.put("subsidyId", "1150312-" + String.format("%06d", n));
        LocalDate start = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(120));
        s.putObject("activityPeriod").put("start", start.toString()).put("end", start.plusDays(4).toString());
        s.put("held", random.nextInt(20) == 0 ? "NOT_HELD" : "AS_PLANNED");
        var items = s.putArray("expenditure");
        long approvedTotal = 0;
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            long approved = 10_000L * (1 + random.nextInt(20));
            items.addObject().put("item", "項目" + (i + 1)).put("approved", approved)
                    .put("actual", approved * (40 + random.nextInt(61)) / 100).put("note", "");
            approvedTotal += approved;
        }
        s.put("approvedTotal", approvedTotal);
        s.putArray("progress").addObject().put("item", "成果彙整").put("plannedCompletion", start.plusDays(40).toString())
                .put("percent", random.nextInt(101));
        s.putArray("outcomes").addObject().put("expected", "學生了解兩岸教育").put("achieved", true).put("note", "");
        s.put("highlights", "交流順利。");
        s.put("statementOfAccountsAttached", random.nextInt(10) != 0);
        return s;
    }

    public ObjectNode exchangeActivity(int n) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "EXCHANGE_ACTIVITY");
        fillRegistration(s, n);
        return s;
    }

    private void fillRegistration(ObjectNode s, int n) {
        LocalDate start = LocalDate.of(2026, 6, 1).plusDays(random.nextInt(400));
        LocalDate end = start.plusDays(random.nextInt(10));
        String mode = random.nextInt(10) < 2 ? "VIDEO" : "VISIT";
        ObjectNode school = s.putObject("school");
        school.put("code", String.format("%06d", random.nextInt(1_000_000)));
        school.put("name", "國立示範高級中學");
        school.put("publicSchool", random.nextBoolean());
        s.put("activityName", "兩岸學生交流活動第" + n + "梯次" + (random.nextInt(50) == 0 ? "：祖國山河行" : ""));
        ObjectNode location = s.putArray("locations").addObject();
        location.put("province", pick(PROVINCES));
        location.put("city", "某市");
        ObjectNode units = s.putObject("internalUnits");
        units.put("scope", "SINGLE");
        units.putArray("names").add("教務處");
        s.put("mode", mode);
        s.putArray("categories").add(pick(CATEGORIES));
        ObjectNode organizers = s.putObject("organizers");
        organizers.put("hostUnit", "教務處");
        organizers.put("hostPhone", "02-12345678");
        organizers.put("executingUnit", "學務處");
        organizers.put("executingPhone", "02-12345679");
        ArrayNode partners = s.putArray("mainlandPartners");
        partners.add(pick(PARTNERS));
        if (random.nextBoolean()) {
            partners.add(pick(PARTNERS));
        }
        ObjectNode activity = s.putObject("activityPeriod");
        activity.put("start", start.toString());
        activity.put("end", end.toString());
        if (!"VIDEO".equals(mode)) {
            ObjectNode travel = s.putObject("travelPeriod");
            travel.put("departure", start.minusDays(1).toString());
            travel.put("return", end.plusDays(1).toString());
        }
        StringBuilder itinerary = new StringBuilder();
        for (int i = 0, lines = 4 + random.nextInt(12); i < lines; i++) {
            itinerary.append("第").append(i + 1).append("日 ").append(pick(SENTENCES)).append('\n');
        }
        s.put("itineraryText", itinerary.toString());
        ObjectNode participants = s.putObject("participants");
        participants.put("students", random.nextInt(20) == 0 ? 0 : 5 + random.nextInt(40));
        participants.put("teachers", 1 + random.nextInt(4));
        participants.put("others", 0);
        ArrayNode leaders = s.putArray("leaders");
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            ObjectNode leader = leaders.addObject();
            leader.put("name", "帶隊老師" + (char) ('甲' + i));
            leader.put("unit", "教務處");
            leader.put("title", "主任");
            leader.put("phone", "02-12345678");
            leader.put("email", "leader" + i + "@example.edu.tw");
            boolean civilServant = random.nextBoolean();
            leader.put("civilServant", civilServant);
            if (civilServant) {
                leader.put("rank", random.nextInt(4) == 0 ? "GRADE_11_OR_ABOVE" : "GRADE_10_OR_BELOW");
                leader.put("agencyHead", random.nextInt(5) == 0);
                ArrayNode identities = leader.putArray("specialIdentities");
                if (random.nextInt(8) == 0) {
                    identities.add(pick(IDENTITIES));
                }
                leader.put("plannedStudy", random.nextInt(20) == 0);
            }
        }
        s.put("selfCheckCompleted", random.nextInt(30) != 0);
        ArrayNode funding = s.putArray("funding");
        ObjectNode ours = funding.addObject();
        ours.put("source", "OUR_SIDE");
        ours.put("agency", "教育部");
        ours.put("amount", 50_000 + random.nextInt(100_000));
        if (random.nextInt(3) == 0) {
            ObjectNode mainland = funding.addObject();
            mainland.put("source", "MAINLAND");
            mainland.put("agency", pick(PARTNERS));
            mainland.put("support", random.nextBoolean() ? "LANDING_HOSPITALITY" : "FULLY_FREE");
            mainland.put("amount", 0);
        }
        ObjectNode self = funding.addObject();
        self.put("source", "SELF_PAID");
        self.put("amount", random.nextInt(80_000));
        s.put("announcedOnCampus", random.nextBoolean());
        if (random.nextInt(6) == 0) {
            ObjectNode agreement = s.putObject("agreement");
            agreement.put("kind", "WRITTEN_COOPERATION");
            agreement.put("partnerSchool", pick(PARTNERS));
            agreement.put("plannedSigningDate", start.plusDays(1).toString());
            if (random.nextBoolean()) {
                agreement.put("declaredToMoeOn", start.minusDays(20 + random.nextInt(30)).toString());
            }
            agreement.put("text", "雙方同意推動學術交流與學生互訪，" + pick(SENTENCES));
        }
    }

    private ObjectNode change(int n) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "CHANGE");
        s.put("registrationId", "1150520-" + String.format("%06d", n));
        s.put("changeOccurredOn", LocalDate.of(2026, 5, 10).plusDays(random.nextInt(20)).toString());
        fillRegistration(s.putObject("changes"), n);
        s.put("reason", "行程調整");
        return s;
    }

    private ObjectNode postReport() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "POST_ACTIVITY_REPORT");
        s.put("registrationId", "1150301-000001");
        s.put("held", "HELD");
        LocalDate end = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(90));
        ObjectNode actual = s.putObject("actualPeriod");
        actual.put("start", end.minusDays(3).toString());
        actual.put("end", end.toString());
        s.put("actualStudents", 5 + random.nextInt(30));
        s.put("difficulties", "無");
        s.put("reflections", "學生收穫良多。");
        return s;
    }

    private ObjectNode announcement(int n) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "ANNOUNCEMENT");
        ObjectNode school = s.putObject("school");
        school.put("code", "013301");
        school.put("name", "國立示範高級中學");
        school.put("publicSchool", true);
        s.put("activityName", "陸方夏令營招生訊息" + n);
        s.put("announcementMethod", "學校網站、公佈欄");
        LocalDate start = LocalDate.of(2026, 5, 1).plusDays(random.nextInt(40));
        ObjectNode period = s.putObject("announcementPeriod");
        period.put("start", start.toString());
        period.put("end", start.plusDays(14).toString());
        s.put("attachmentText", pick(SENTENCES));
        s.put("selfCheckCompleted", true);
        s.put("acknowledgedGroupTravelRegistration", true);
        return s;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
