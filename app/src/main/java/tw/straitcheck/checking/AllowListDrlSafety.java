package tw.straitcheck.checking;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderResult;

/**
 * The DRL safety check: Drools' own parser reads the file into its parts (imports, globals,
 * functions, declared types, rules with their patterns, constraints and consequences), and every
 * part is checked against the allow-list ({@link DrlAllowList}) before anything is compiled, since
 * compiling already runs code (rule metadata is evaluated as MVEL). Declarations here, rules in
 * {@link DrlRuleCheck}, Java pieces in {@link JavaFragmentCheck}, constraints in {@link ConstraintCheck}.
 * Stateless; the rulebase loader keeps one ({@link RulebaseLoader}), which every rulebase goes through.
 */
public final class AllowListDrlSafety implements DrlSafety {

    /** A metadata value the compiler may evaluate: a string, a number, true/false, a bare word. */
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+(?:\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<RuleProblem> check(String path, String drl) {
        return check(Map.of(path, drl));
    }

    @Override
    public List<RuleProblem> check(Map<String, String> files) {
        List<RuleProblem> found = new ArrayList<>();
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        Map<String, List<TypeDeclarationDescr>> declaredByPackage = new HashMap<>();
        new java.util.TreeMap<>(files).forEach((path, drl) -> {
            JavaFragmentCheck.Problems problems = new JavaFragmentCheck.Problems(path, found);
            new DrlText(drl).refuseHiddenCode(problems);
            PackageDescr pkg = parse(drl, problems);
            if (pkg != null) {
                parsed.put(path, pkg);
                declaredByPackage.computeIfAbsent(pkg.getNamespace(), n -> new ArrayList<>()).addAll(pkg.getTypeDeclarations());
            }
        });
        parsed.forEach((path, pkg) -> {
            JavaFragmentCheck.Problems problems = new JavaFragmentCheck.Problems(path, found);
            DrlText text = new DrlText(files.get(path));
            DrlScope scope = new DrlScope();
            boolean mvel = packageAttributes(pkg, problems);
            imports(pkg, scope, problems);
            declaredTypes(pkg, declaredByPackage.get(pkg.getNamespace()), scope, problems);
            globals(pkg, scope, problems);
            functions(pkg, scope, problems, text);
            for (RuleDescr rule : pkg.getRules()) {
                new DrlRuleCheck(scope, problems, text).check(rule, mvel);
            }
        });
        found.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        return List.copyOf(found);
    }

    /** The file's parts, or null (with the parser's errors added) when it does not parse. */
    private static PackageDescr parse(String drl, JavaFragmentCheck.Problems problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, drl);
        } catch (DroolsParserException e) {
            problems.add(1, "the file does not parse: " + e.getMessage());
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (KnowledgeBuilderResult error : parser.getErrors()) {
                int[] lines = error.getLines();
                problems.add(lines.length > 0 ? Math.max(1, lines[0]) : 1, "the file does not parse: " + error.getMessage());
            }
            return null;
        }
        return pkg;
    }

    /** Whether the package's default dialect is MVEL; other package attributes as a rule's. */
    private static boolean packageAttributes(PackageDescr pkg, JavaFragmentCheck.Problems problems) {
        boolean mvel = false;
        for (AttributeDescr a : pkg.getAttributes()) {
            if (!DrlAllowList.RULE_ATTRIBUTES.contains(a.getName()) || a.getName().equals("salience")
                    || a.getName().equals("enabled")) {
                problems.add(Math.max(1, a.getLine()), "the package attribute '" + a.getName() + "' is refused");
            } else if (a.getName().equals("dialect")) {
                mvel = DrlRuleCheck.dialect(a, problems);
            }
        }
        return mvel;
    }

    private static void imports(PackageDescr pkg, DrlScope scope, JavaFragmentCheck.Problems problems) {
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget().strip();
            if (target.equals(DrlAllowList.FACTS_PACKAGE + ".*")) {
                scope.importFacts();
                continue;
            }
            Optional<Class<?>> type = target.endsWith(".*") ? Optional.empty() : DrlAllowList.qualified(target);
            if (type.isPresent()) {
                scope.importType(target.substring(target.lastIndexOf('.') + 1), type.get());
            } else {
                problems.add(Math.max(1, i.getLine()), "the import '" + target + "' is refused: a rule may import the project's"
                        + " facts and helpers (" + DrlAllowList.FACTS_PACKAGE + ".*) and the allowed JDK value types");
            }
        }
        for (FunctionImportDescr f : pkg.getFunctionImports()) {
            String target = f.getTarget().strip();
            int dot = target.lastIndexOf('.');
            String method = dot < 0 ? target : target.substring(dot + 1);
            boolean allowed = dot > 0 && !method.equals("*") && !DrlAllowList.denied(method)
                    && DrlAllowList.qualified(target.substring(0, dot)).isPresent();
            if (allowed) {
                scope.function(method);
            } else {
                problems.add(Math.max(1, f.getLine()), "the function import '" + target + "' is refused: only a method of an"
                        + " allowed type may be imported (import function / import static)");
            }
        }
        for (var accumulate : pkg.getAccumulateImports()) {
            problems.add(Math.max(1, accumulate.getLine()), "import accumulate is refused: use the built-in accumulate functions "
                    + DrlAllowList.ACCUMULATE_FUNCTIONS);
        }
        if (!pkg.getEnumDeclarations().isEmpty() || !pkg.getWindowDeclarations().isEmpty()) {
            BaseDescr first = !pkg.getEnumDeclarations().isEmpty() ? pkg.getEnumDeclarations().get(0)
                    : pkg.getWindowDeclarations().iterator().next();
            problems.add(Math.max(1, first.getLine()), "declare enum and declare window are refused: codes are enums of the facts package");
        }
    }

    /** The file's own declared types are checked; the package's (every file's) are known by name and fields. */
    private static void declaredTypes(PackageDescr pkg, List<TypeDeclarationDescr> inPackage, DrlScope scope,
            JavaFragmentCheck.Problems problems) {
        for (TypeDeclarationDescr t : inPackage) {
            scope.declare(t.getTypeName(), new HashSet<>(t.getFields().keySet()));
        }
        for (TypeDeclarationDescr t : inPackage) {
            Set<String> properties = new HashSet<>(t.getFields().keySet());
            for (var superType : t.getSuperTypes()) {
                scope.type(superType.getFullName()).ifPresent(s -> properties.addAll(s.properties()));
            }
            scope.declare(t.getTypeName(), properties);
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            int line = Math.max(1, t.getLine());
            annotations(t, line, problems);
            if (DrlAllowList.shadowsJdk(t.getTypeName())) {
                problems.add(line, "the declared type '" + t.getTypeName() + "' has the name of a java.lang class;"
                        + " name it for what it is, so no reader (Java or MVEL) can take one for the other");
            }
            for (var superType : t.getSuperTypes()) {
                Optional<DrlScope.Type> resolved = scope.type(superType.getFullName());
                if (resolved.isEmpty() || resolved.get().name().startsWith("java.")) {
                    problems.add(line, "'" + t.getTypeName() + "' may not extend '" + superType.getFullName()
                            + "': a declared type extends nothing, a fact or another declared type");
                }
            }
            for (TypeFieldDescr field : t.getFields().values()) {
                int fieldLine = field.getLine() > 0 ? field.getLine() : line;
                annotations(field, fieldLine, problems);
                String type = field.getPattern() == null ? null : field.getPattern().getObjectType();
                if (type != null) {
                    new JavaFragmentCheck(scope, Set.of(), JavaFragmentCheck.Kind.EXPRESSION, false, problems, fieldLine)
                            .typeName(type);
                }
                if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
                    new JavaFragmentCheck(scope, Set.of(), JavaFragmentCheck.Kind.EXPRESSION, false, problems, fieldLine)
                            .expression(field.getInitExpr());
                }
            }
        }
    }

    private static void globals(PackageDescr pkg, DrlScope scope, JavaFragmentCheck.Problems problems) {
        for (GlobalDescr g : pkg.getGlobals()) {
            int line = Math.max(1, g.getLine());
            if (scope.type(g.getType()).isEmpty() || scope.isDeclared(g.getType())) {
                problems.add(line, "the global '" + g.getIdentifier() + "' is of a type a rule may not use: " + g.getType());
            }
            scope.global(g.getIdentifier());
        }
    }

    private static void functions(PackageDescr pkg, DrlScope scope, JavaFragmentCheck.Problems problems, DrlText text) {
        for (FunctionDescr f : pkg.getFunctions()) {
            scope.function(f.getName());
        }
        Map<String, Set<String>> calls = new HashMap<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            int line = Math.max(1, f.getLine());
            boolean mvel = "mvel".equalsIgnoreCase(f.getDialect());
            JavaFragmentCheck signature = new JavaFragmentCheck(scope, Set.of(), JavaFragmentCheck.Kind.FUNCTION, mvel, problems, line);
            if (f.getReturnType() != null && !f.getReturnType().equals("void")) {
                signature.typeName(f.getReturnType());
            }
            f.getParameterTypes().forEach(signature::typeName);
            Set<String> parameters = new HashSet<>(f.getParameterNames());
            int bodyLine = text.lineOf(f.getBody(), f.getStartCharacter(), line);
            BlockStmt body = new JavaFragmentCheck(scope, parameters, JavaFragmentCheck.Kind.FUNCTION, mvel, problems, bodyLine)
                    .block(f.getBody());
            Set<String> called = new LinkedHashSet<>();
            if (body != null) {
                body.findAll(MethodCallExpr.class, m -> m.getScope().isEmpty())
                        .forEach(m -> called.add(m.getNameAsString()));
            }
            calls.put(f.getName(), called);
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            List<String> cycle = cycle(f.getName(), f.getName(), calls, new ArrayList<>(), new HashSet<>());
            if (cycle != null) {
                problems.add(Math.max(1, f.getLine()), "the function '" + f.getName() + "' calls itself (" + String.join(" → ", cycle)
                        + "): recursion may never end");
            }
        }
    }

    /** The path by which {@code from} calls {@code target} again, or null. */
    private static List<String> cycle(String target, String from, Map<String, Set<String>> calls, List<String> path,
            Set<String> seen) {
        path.add(from);
        for (String next : calls.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                List<String> found = new ArrayList<>(path);
                found.add(target);
                return found;
            }
            if (calls.containsKey(next) && seen.add(next)) {
                List<String> found = cycle(target, next, calls, path, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /**
     * Rule and type metadata is evaluated as MVEL when the rulebase is built: only literal values
     * ({@code @ruleId("A.B")}, {@code @position(0)}, {@code @role(event)}) are accepted.
     */
    static void annotations(AnnotatedBaseDescr owner, int line, JavaFragmentCheck.Problems problems) {
        for (AnnotationDescr a : owner.getAnnotations()) {
            for (Object value : a.getValueMap().values()) {
                if (!(value instanceof String s) || !LITERAL.matcher(s.strip()).matches() || s.contains("@{")) {
                    problems.add(a.getLine() > 0 ? a.getLine() : line, "the value of @" + a.getName()
                            + " must be a literal (a string, a number, true/false or a word): metadata is evaluated when the rules are built");
                }
            }
        }
    }
}
