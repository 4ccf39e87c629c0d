package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionVersion.VersionKind;

/**
 * The message bundles (habit 14): both languages have the same keys, every key the Java code names
 * is in them and every key in them is named, and no zh-TW sentence is left in a Java string.
 */
class MessagesTest {

    private static final Path SOURCES = ProjectFiles.root().resolve("app/src/main/java/tw/straitcheck");

    /** The first part of every key; a string literal that starts with one of these is a key. */
    private static final Set<String> GROUPS = Set.of("account", "citation", "cli", "conflict", "demo", "error", "field", "http", "label",
            "nav", "page", "password", "pdf", "subject", "upload");

    /** A literal like {@code "field.required"}, or a key prefix like {@code "label.status." + status.name()}. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((" + String.join("|", GROUPS) + ")\\.[a-zA-Z0-9_.-]*)\"");

    /**
     * Packages not yet moved to bundles by this change: the engine's evidence phrases (checking/,
     * moving to rules/ bundles separately) and generated sample data (cli/SubmissionGenerator).
     */
    private static final List<String> NOT_MESSAGES = List.of("checking/", "cli/SubmissionGenerator.java");

    @Test
    void theZhTwAndEnglishBundlesHaveExactlyTheSameKeys() {
        assertThat(new TreeSet<>(Messages.zhKeys())).isEqualTo(new TreeSet<>(Messages.enKeys()));
        assertThat(Messages.zhKeys()).isNotEmpty();
    }

    @Test
    void everyKeyTheJavaCodeNamesIsInBothBundlesAndEveryBundleKeyIsNamed() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path file : messageFiles()) {
            Matcher m = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                (m.group(1).endsWith(".") ? prefixes : named).add(m.group(1));
            }
        }
        assertThat(named).as("keys named in the Java sources").isNotEmpty()
                .allSatisfy(key -> assertThat(Messages.has(key)).as(key).isTrue());

        // Keys the pages' templates name: #{page.login.title}, #{page.locked.until(${until})}
        Pattern templateKey = Pattern.compile("#\\{((" + String.join("|", GROUPS) + ")\\.[a-zA-Z0-9_.-]*)[(}]");
        try (Stream<Path> views = Files.walk(SOURCES.resolve("../../../resources/views").normalize())) {
            for (Path view : views.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = templateKey.matcher(Files.readString(view, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }

        // Keys built from a prefix and a code: every code of the enum, or every source of rules/sources.
        Set<String> built = new TreeSet<>();
        enumKeys(built, "label.version-kind.", VersionKind.values());
        enumKeys(built, "label.verdict.", Verdict.values());
        enumKeys(built, "label.status.", RecordStatus.values());
        enumKeys(built, "page.role.", tw.straitcheck.account.Role.values());
        // the pages' fragments (views/fragments/findings.html): #{'page.kind.' + ${f.kind}}, #{'page.verdict.' + ...}
        enumKeys(built, "page.kind.", tw.straitcheck.checking.FindingKind.values());
        enumKeys(built, "page.verdict.", Verdict.values());
        for (Verdict verdict : Verdict.values()) {
            built.add("page.verdict." + verdict + ".explained");
        }
        // subsidy and results report labels, by code (views/pdf/*.html, views/subsidy/*.html)
        for (String code : List.of("SCHOOL", "RESEARCH_INSTITUTE", "MOE_SOCIAL_EDUCATION_INSTITUTION",
                "ACADEMIC_ASSOCIATION", "EDUCATION_FOUNDATION", "SOCIAL_EDUCATION_GROUP", "OTHER")) {
            built.add("page.subsidy.applicant-kind." + code);
        }
        for (String code : List.of("SEMINAR", "FORUM", "COMPETITION_OR_STUDY", "OTHER")) {
            built.add("page.subsidy.activity-kind." + code);
        }
        for (String code : List.of("DOMESTIC", "MAINLAND", "HONG_KONG_MACAU")) {
            built.add("page.subsidy.venue." + code);
        }
        for (String code : List.of("AS_PLANNED", "NOT_HELD", "LOCATION_CHANGED_WITH_CONSENT",
                "LOCATION_CHANGED_WITHOUT_CONSENT")) {
            built.add("page.results.held." + code);
        }
        for (String document : List.of("ACTIVITY_PLAN", "BUDGET_FORM", "ROSTER", "SEMINAR_PAPERS",
                "REGISTRATION_CERTIFICATE", "INVITATION_LETTER")) {
            built.add("page.subsidy.document." + document);
        }
        for (int photo = 1; photo <= 6; photo++) {
            built.add("pdf.results.photo." + photo);
        }
        for (String type : List.of("EXCHANGE_ACTIVITY", "ANNOUNCEMENT", "SUBSIDY_APPLICATION")) {
            built.add("pdf.record.type." + type);
        }
        // the rulebook pages (views/rulebook/): #{'page.versions.state.' + ...}, page.audit.action., page.drafts.change.
        enumKeys(built, "page.versions.state.", tw.straitcheck.policy.VersionState.values());
        for (String action : List.of("SEEDED", "DEPLOY_DRAFT", "DRAFT_CREATED", "FILE_EDITED", "FILE_DELETED", "APPROVED",
                "PUBLISHED", "ROLLBACK_DRAFTED")) {
            built.add("page.audit.action." + action);
        }
        for (String change : List.of("ADDED", "REMOVED", "CHANGED")) {
            built.add("page.drafts.change." + change);
        }
        built.add("upload.part.itinerary");
        built.add("upload.part.attachment");
        // the school pages (views/school/): coded answers, to-do groups, record types, history actions, mail, notices
        tw.straitcheck.filing.RegistrationForm.CODES.forEach((name, codes) ->
                codes.forEach(code -> built.add("page.school.code." + name + "." + code)));
        for (tw.straitcheck.records.SchoolRecords.Group group : tw.straitcheck.records.SchoolRecords.Group.values()) {
            built.add("page.school.group." + group);
            built.add("page.school.group." + group + ".explained");
        }
        List.of("EXCHANGE_ACTIVITY", "ANNOUNCEMENT", "SUBSIDY_APPLICATION").forEach(t -> built.add("page.school.type." + t));
        List.of("REGISTERED", "ANNOUNCED", "SUBSIDY_APPLIED", "CHANGE_REPORTED", "POST_REPORT_FILED", "RESUBMITTED",
                "RESULTS_REPORTED", "RESULTS_REPORT_EDITED", "CLEAR", "APPROVE", "RETURN", "REJECT", "WITHDRAW")
                .forEach(a -> built.add("page.school.action." + a));
        enumKeys(built, "page.school.mail.", tw.straitcheck.notification.OutboxMail.Status.values());
        List.of("change", "correct", "report", "withdrawn").forEach(f -> built.add("page.school.record.filed." + f));
        for (Path yaml : Files.list(ProjectFiles.rules().resolve("sources")).filter(p -> p.toString().endsWith(".yaml")).toList()) {
            Files.readAllLines(yaml).stream().filter(l -> l.startsWith("source:"))
                    .forEach(l -> built.add("citation.source." + l.substring("source:".length()).strip()));
        }
        assertThat(prefixes).containsExactlyInAnyOrder("citation.source.", "label.status.", "label.verdict.",
                "label.version-kind.", "upload.part.");
        // page.login.wrong and page.login.disabled are named in LoginPages; page.role.<ROLE> in home.html
        assertThat(built).allSatisfy(key -> assertThat(Messages.has(key)).as(key).isTrue());

        Set<String> unused = new TreeSet<>(Messages.enKeys());
        unused.removeAll(named);
        unused.removeAll(built);
        assertThat(unused).as("bundle keys no code names").isEmpty();
    }

    @Test
    void thePagesShowAnApostropheAsItIsInTheBundle() {
        io.micronaut.context.MessageSource pages = new PageMessages().pageMessages();
        assertThat(pages.getMessage("page.school.check.register-explained", java.util.Locale.ENGLISH).orElseThrow())
                .contains("the school's contact persons");
        assertThat(pages.getMessage("page.findings.days-left", java.util.Locale.ENGLISH, new Object[] {5}).orElseThrow())
                .isEqualTo("5 days left");
    }

    @Test
    void everyMessageIsAValidPatternInBothLanguages() {
        for (String key : Messages.enKeys()) {
            assertThat(Messages.of(key, "a", "b", "c", "d").zh()).as(key).isNotBlank();
            assertThat(Messages.of(key, "a", "b", "c", "d").en()).as(key).isNotBlank();
        }
    }

    @Test
    void argumentsArePutInAsTheyAreWithApostrophesKeptAndNumbersNotGrouped() {
        assertThat(Messages.of("conflict.status", RecordStatus.REJECTED, "WITHDRAW"))
                .isEqualTo(new Localized("案件目前狀態為 REJECTED，不能WITHDRAW", "the record is REJECTED; WITHDRAW is not possible"));
        assertThat(Messages.of("field.if-match").en()).isEqualTo("If-Match must be the record's lockVersion");
        assertThat(Messages.of("field.max-length", 12000).zh()).isEqualTo("不得超過 12000 個字");
        assertThat(Messages.of("field.required-when-source", "{0} '1'").en()).isEqualTo("required when the source is {0} '1'");
    }

    @Test
    void aLocalizedArgumentIsShownInEachBundlesOwnLanguage() {
        assertThat(Messages.of("upload.no-pages", Messages.of("upload.part.itinerary")))
                .isEqualTo(new Localized("行程表 PDF 沒有任何頁面", "the itinerary PDF has no pages"));
    }

    @Test
    void aFieldErrorFromAKeyCarriesBothLanguages() {
        assertThat(FieldError.of("leaders[0].rank", "field.required"))
                .isEqualTo(new FieldError("leaders[0].rank", "必填", "required"));
    }

    @Test
    void anUnknownKeyIsRefusedAndNamed() {
        assertThatThrownBy(() -> Messages.of("field.no-such-key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field.no-such-key");
    }

    @Test
    void noJavaStringOutsideTheBundleReaderHoldsAZhTwSentence() throws IOException {
        Pattern cjkLiteral = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*[\\x{4e00}-\\x{9fff}](?:[^\"\\\\\\n]|\\\\.)*\"");
        List<String> found = new ArrayList<>();
        for (Path file : messageFiles()) {
            String relative = SOURCES.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                if (cjkLiteral.matcher(line).find()) {
                    found.add(relative + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static void enumKeys(Set<String> keys, String prefix, Enum<?>[] values) {
        Arrays.stream(values).forEach(v -> keys.add(prefix + v.name()));
    }

    /** The Java sources whose words come from these bundles (all but {@link #NOT_MESSAGES}). */
    private static List<Path> messageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> NOT_MESSAGES.stream().noneMatch(SOURCES.relativize(p).toString().replace('\\', '/')::startsWith))
                    .sorted().toList();
        }
    }
}
