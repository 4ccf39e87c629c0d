package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;

/**
 * Every way out of the allow-list that policy-authored DRL could try is refused, each with its
 * line; every packaged rule file passes. The consequence under test is always on line 10, a
 * constraint on line 8 (see {@link #rule}).
 */
class DrlSafetyTest {

    private static final DrlSafety SAFETY = new AllowListDrlSafety();

    /** Lines 1–5; the rule starts on line 6. */
    private static final String HEADER = """
            package tw.straitcheck.rules;

            import tw.straitcheck.checking.Finding;
            import tw.straitcheck.checking.facts.*;

            """;

    private static String rule(String condition, String consequence) {
        return HEADER + """
                rule "r"
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, consequence);
    }

    private static List<DrlSafety.RuleProblem> consequence(String code) {
        return SAFETY.check("test/Evil.drl", rule("$c : Check()", code));
    }

    private static void refusedAt(List<DrlSafety.RuleProblem> problems, int line, String named) {
        assertThat(problems).as("problems").isNotEmpty();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("test/Evil.drl");
            assertThat(p.line()).as(p.toString()).isEqualTo(line);
            assertThat(p.message()).contains(named);
        });
    }

    // --- the packaged rules, and what the rules need

    @Test
    void everyPackagedRuleFilePassesAndTheWholeTreeIsCheckedQuickly() throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path rules = ProjectFiles.root().resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                files.put(rules.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(files).hasSizeGreaterThan(20);

        assertThat(SAFETY.check(files)).isEmpty();
    }

    @Test
    void theRulebaseIsNotBuiltFromAnUnsafeFileAndTheErrorNamesTheFileAndLine(@TempDir Path temp) throws IOException {
        Path rules = RuleCopies.with(temp, "subsidy/point-3-3-4-plan-unchanged/PlanUnchanged.drl",
                "    insert(Finding.of(drools));", "    insert(Finding.of(drools));\n    System.exit(0);");

        assertThatThrownBy(() -> RuleCopies.load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the rules reach outside what a rule may use")
                .hasMessageContaining("subsidy/point-3-3-4-plan-unchanged/PlanUnchanged.drl:15: 'System' is not allowed");
    }

    @Test
    void aRuleThatStaysInsideTheAllowListPasses() {
        String drl = HEADER + """
                import java.util.List;
                import java.util.ArrayList;
                import java.util.Comparator;

                rule "allowed"
                    @ruleId("X.Y") @kind("INFO") @cites("ACT art 1")
                    salience 10
                when
                    $c : Check( $asOf : asOf, asOf != null, type in (SubmissionType.CHANGE, SubmissionType.ANNOUNCEMENT) )
                    $items : List() from collect( ExpenditureItem() )
                    not PastRecord( status == PastStatus.REJECTED )
                then
                    List<ExpenditureItem> ordered = new ArrayList<>((List<ExpenditureItem>) $items);
                    ordered.sort(Comparator.comparingInt(ExpenditureItem::index));
                    for (ExpenditureItem item : ordered) {
                        if (item.shownRate() != null) {
                            String s = item.item() + " " + Math.max(1, 2) + java.util.List.of(1).size();
                        }
                    }
                    modify($c) { toString() }
                    insert(Finding.of(drools).due($asOf.plusDays(1)));
                end
                """;

        assertThat(SAFETY.check("test/Fine.drl", drl)).isEmpty();
    }

    // --- the process, the runtime and the JVM

    @Test
    void systemExitIsRefused() {
        refusedAt(consequence("System.exit(0);"), 10, "System");
    }

    @Test
    void runtimeExecIsRefused() {
        refusedAt(consequence("Runtime.getRuntime().exec(\"sh\");"), 10, "Runtime");
    }

    @Test
    void processBuilderIsRefused() {
        refusedAt(consequence("new ProcessBuilder(\"sh\").start();"), 10, "ProcessBuilder");
    }

    @Test
    void aFullyQualifiedNameThatDodgesTheImportCheckIsRefused() {
        refusedAt(consequence("java.lang.Runtime.getRuntime().halt(0);"), 10, "java.lang.Runtime");
    }

    @Test
    void theImplicitJavaLangClassesThatAreNotValueTypesAreRefused() {
        for (String code : List.of("ProcessHandle.current().destroy();", "StackWalker.getInstance();",
                "ClassLoader.getSystemClassLoader();", "Module m = null;", "Thread.currentThread().interrupt();")) {
            assertThat(consequence(code)).as(code).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(10));
        }
    }

    // --- reflection

    @Test
    void classForNameIsRefusedEvenWithTheNameBuiltFromStrings() {
        refusedAt(consequence("Class.forName(\"java.lang.\" + \"Runtime\");"), 10, "Class");
    }

    @Test
    void getClassAndTheClassLoaderAreRefused() {
        refusedAt(consequence("$c.getClass().getClassLoader();"), 10, "getClass");
    }

    @Test
    void anEnumsDeclaringClassIsRefused() {
        refusedAt(consequence("Rank.GRADE_11_OR_ABOVE.getDeclaringClass();"), 10, "getDeclaringClass");
    }

    @Test
    void javaLangReflectIsRefusedInCodeAndAsAnImport() {
        refusedAt(consequence("java.lang.reflect.Method m = null;"), 10, "java.lang.reflect.Method");
        String drl = HEADER.replace("import tw.straitcheck.checking.Finding;", "import java.lang.reflect.Method;");
        refusedAt(SAFETY.check("test/Evil.drl", drl), 3, "java.lang.reflect.Method");
    }

    @Test
    void classLiteralsAndArraysOfClassAreRefused() {
        refusedAt(consequence("Object o = String.class;"), 10, "String.class");
        refusedAt(consequence("Class[] types = new Class[0];"), 10, "Class");
    }

    @Test
    void thisAndTheSessionBehindDroolsAreRefused() {
        refusedAt(consequence("this.getClass();"), 10, "this");
        refusedAt(consequence("drools.getKieRuntime();"), 10, "drools");
        refusedAt(consequence("kcontext.getKieRuntime().halt();"), 10, "kcontext");
        refusedAt(consequence("Object d = drools;"), 10, "drools");
    }

    // --- files, network, threads

    @Test
    void filesAreRefused() {
        refusedAt(consequence("new java.io.File(\"/etc/passwd\").delete();"), 10, "java.io.File");
        refusedAt(consequence("java.nio.file.Files.delete(java.nio.file.Path.of(\"x\"));"), 10, "java.nio.file.Files");
    }

    @Test
    void theNetworkIsRefused() {
        refusedAt(consequence("new java.net.Socket(\"example.org\", 80);"), 10, "java.net.Socket");
    }

    @Test
    void threadsAndExecutorsAreRefused() {
        refusedAt(consequence("new Thread(() -> {}).start();"), 10, "Thread");
        refusedAt(consequence("java.util.concurrent.Executors.newSingleThreadExecutor();"), 10, "java.util.concurrent.Executors");
        refusedAt(consequence("java.util.List.of(1).parallelStream().count();"), 10, "parallelStream");
    }

    @Test
    void threadSleepIsRefused() {
        refusedAt(consequence("Thread.sleep(1000);"), 10, "Thread");
    }

    // --- loops that never end

    @Test
    void whileDoAndForLoopsAreRefusedInAConsequence() {
        refusedAt(consequence("while (true) { }"), 10, "loop");
        refusedAt(consequence("for (;;) { }"), 10, "loop");
        refusedAt(consequence("do { } while (true);"), 10, "loop");
    }

    @Test
    void anEndlessStreamMadeThroughAnInstanceIsRefused() {
        refusedAt(consequence("java.util.List.of(1).stream().iterate(0, i -> i + 1).forEach(i -> { });"), 10, "iterate");
        refusedAt(consequence("\"x\".chars().range(0, 2000000000).forEach(i -> { });"), 10, "range");
    }

    @Test
    void systemPropertiesAreNotReadThroughTheNumberTypes() {
        refusedAt(consequence("Integer.getInteger(\"db.password\");"), 10, "getInteger");
    }

    @Test
    void aDeclaredTypeCannotTakeTheNameOfAJavaLangClass() {
        refusedAt(SAFETY.check("test/Evil.drl", HEADER + "declare System\nend\n"), 6, "java.lang");
    }

    @Test
    void anAssignmentInAConstraintIsRefused() {
        // Drools' parser refuses a plain one already; a compound one is the check's
        refusedAt(SAFETY.check("test/Evil.drl", rule("Check( asOf = null )", "")), 8, "does not parse");
        for (String constraint : List.of("Check( $n : 1, $n >>= 1 )", "Check( $n : 1, $n += 1 )", "Check( $n : 1, $n++ > 0 )")) {
            assertThat(SAFETY.check("test/Evil.drl", rule(constraint, ""))).as(constraint).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.line()).isEqualTo(8));
        }
    }

    @Test
    void aFunctionThatCallsItselfIsRefused() {
        String drl = HEADER + """
                function int spin(int n) {
                    return spin(n + 1);
                }
                """;
        refusedAt(SAFETY.check("test/Evil.drl", drl), 6, "recursion");
    }

    // --- declarations: import, import function, import static, global, declare, function

    @Test
    void importFunctionAndImportStaticOfAForbiddenTypeAreRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", HEADER + "import function java.lang.System.exit;\n"), 6, "java.lang.System.exit");
        refusedAt(SAFETY.check("test/Evil.drl", HEADER + "import static java.lang.System.exit;\n"), 6, "java.lang.System.exit");
    }

    @Test
    void aGlobalOfAForbiddenTypeIsRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", HEADER + "global java.lang.Runtime runtime;\n"), 6, "java.lang.Runtime");
    }

    @Test
    void aDeclaredTypeThatReachesOutIsRefused() {
        String drl = HEADER + """
                declare Evil
                    home : String = java.lang.System.getProperty("user.home")
                    file : java.io.File
                end
                """;
        List<DrlSafety.RuleProblem> problems = SAFETY.check("test/Evil.drl", drl);
        refusedAt(problems, 7, "java.lang.System");
        refusedAt(problems, 8, "java.io.File");
    }

    @Test
    void aFunctionThatReachesOutIsRefused() {
        String drl = HEADER + """
                function void boom() {
                    System.exit(1);
                }
                """;
        refusedAt(SAFETY.check("test/Evil.drl", drl), 7, "System");
    }

    @Test
    void metadataThatIsCodeIsRefused() {
        String drl = HEADER + """
                rule "r" @ruleId(java.lang.System.exit(0))
                when
                    Check()
                then
                end
                """;
        refusedAt(SAFETY.check("test/Evil.drl", drl), 6, "@ruleId");
    }

    @Test
    void timersAndWallClockDatesAreRefused() {
        String drl = HEADER + """
                rule "r" timer (int: 1s 1s)
                when
                    Check()
                then
                end
                """;
        refusedAt(SAFETY.check("test/Evil.drl", drl), 6, "timer");
    }

    // --- MVEL

    @Test
    void anMvelRuleThatReachesOutIsRefused() {
        String drl = HEADER + """
                rule "r" dialect "mvel"
                when
                    $c : Check()
                then
                    new java.io.File("x").delete();
                end
                """;
        refusedAt(SAFETY.check("test/Evil.drl", drl), 10, "java.io.File");
        refusedAt(SAFETY.check("test/Evil.drl", drl.replace("new java.io.File(\"x\").delete();", "System.exit(0);")), 10, "System");
        refusedAt(SAFETY.check("test/Evil.drl", drl.replace("new java.io.File(\"x\").delete();", "$c.class.classLoader;")), 10, "class");
    }

    @Test
    void mvelTemplatesAreRefused() {
        refusedAt(consequence("String s = \"@{java.lang.System.exit(0)}\";"), 10, "@{");
    }

    // --- the conditions: constraints, eval, from, accumulate

    @Test
    void aConstraintThatReachesOutIsRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", rule("Check( java.lang.System.getProperty(\"x\") != null )", "")), 8, "java");
        refusedAt(SAFETY.check("test/Evil.drl", rule("Check( this.getClass() != null )", "")), 8, "getClass");
        refusedAt(SAFETY.check("test/Evil.drl", rule("Check( Runtime.getRuntime() != null )", "")), 8, "Runtime");
    }

    @Test
    void evalThatReachesOutIsRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", rule("eval( System.exit(0) == null )", "")), 8, "System");
    }

    @Test
    void fromThatReachesOutIsRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", rule("String() from System.getProperty(\"user.home\")", "")), 8, "System");
    }

    @Test
    void accumulateThatReachesOutIsRefused() {
        refusedAt(SAFETY.check("test/Evil.drl", rule(
                "Number() from accumulate( Check(), init( Object r = Runtime.getRuntime(); ) action( ) result( 0 ) )", "")),
                8, "Runtime");
        refusedAt(SAFETY.check("test/Evil.drl", rule(
                "Number() from accumulate( $c : Check(), sum( System.nanoTime() ) )", "")), 8, "System");
    }

    // --- hiding a name

    @Test
    void unicodeEscapesAreRefused() {
        refusedAt(consequence("\\u0053ystem.exit(0);"), 10, "unicode escape");
    }

    @Test
    void aCommentCannotJoinTwoWordsIntoOne() {
        assertThat(consequence("Sys/**/tem.exit(0);")).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(10));
    }

    @Test
    void aBindingSeenOnlyInsideNotCannotPassForAPackageLater() {
        refusedAt(SAFETY.check("test/Evil.drl", rule("not( java : Check() )", "java.lang.System.exit(0);")), 10, "java.lang.System");
    }

    @Test
    void aLocalVariableOutOfScopeCannotPassForAPackage() {
        refusedAt(consequence("if (true) { int java = 0; } java.lang.System.exit(0);"), 10, "java.lang.System");
    }

    @Test
    void anonymousClassesAndLambdasThatReachOutAreRefused() {
        refusedAt(consequence("Object o = new Object() { public String toString() { return \"\"; } };"), 10, "anonymous");
        refusedAt(consequence("java.util.List.of(1).forEach(i -> System.exit(i));"), 10, "System");
        refusedAt(consequence("java.util.List.of(\"x\").forEach(System.out::println);"), 10, "System");
    }
}
