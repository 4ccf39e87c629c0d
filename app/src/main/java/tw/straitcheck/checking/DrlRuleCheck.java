package tw.straitcheck.checking;

import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks one rule (or query): its attributes and metadata, every pattern's type and constraints,
 * every {@code eval}, {@code from}, {@code collect} and {@code accumulate}, and its consequences.
 * Bindings are scoped as Drools scopes them: one bound inside {@code not}, {@code exists},
 * {@code forall} or an accumulate's source is not seen after it, so it cannot make a later name
 * look like a variable when Java would read it as a package or a class.
 */
final class DrlRuleCheck {

    private final DrlScope scope;
    private final JavaFragmentCheck.Problems problems;
    private final DrlText text;
    private boolean mvel;
    private int ruleStart;

    DrlRuleCheck(DrlScope scope, JavaFragmentCheck.Problems problems, DrlText text) {
        this.scope = scope;
        this.problems = problems;
        this.text = text;
    }

    void check(RuleDescr rule, boolean packageMvel) {
        int line = Math.max(1, rule.getLine());
        ruleStart = Math.max(0, rule.getStartCharacter());
        mvel = packageMvel;
        AllowListDrlSafety.annotations(rule, line, problems);
        Set<String> bindings = new HashSet<>();
        if (rule instanceof QueryDescr query) {
            JavaFragmentCheck signature = java(Set.of(), JavaFragmentCheck.Kind.EXPRESSION, line);
            for (String type : query.getParameterTypes()) {
                signature.typeName(type);
            }
            bindings.addAll(java.util.Arrays.asList(query.getParameters()));
        }
        AttributeDescr dialect = rule.getAttributes().get("dialect");
        if (dialect != null) {
            mvel = dialect(dialect, problems);
        }
        lhs(rule.getLhs(), bindings);
        for (Map.Entry<String, AttributeDescr> a : rule.getAttributes().entrySet()) {
            attribute(a.getValue(), line, bindings);
        }
        consequence(rule.getConsequence(), rule.getConsequenceLine(), bindings);
        for (Object named : rule.getNamedConsequences().values()) {
            consequence(named, -1, bindings);
        }
    }

    /** Whether the dialect attribute says MVEL; anything but java or mvel is refused. */
    static boolean dialect(AttributeDescr a, JavaFragmentCheck.Problems problems) {
        String value = a.getValue() == null ? "" : a.getValue().replace("\"", "").strip();
        if (!value.equals("java") && !value.equals("mvel")) {
            problems.add(Math.max(1, a.getLine()), "the dialect '" + value + "' is refused: java or mvel");
        }
        return value.equals("mvel");
    }

    private void attribute(AttributeDescr a, int ruleLine, Set<String> bindings) {
        int line = a.getLine() > 0 ? a.getLine() : ruleLine;
        String name = a.getName();
        if (!DrlAllowList.RULE_ATTRIBUTES.contains(name)) {
            problems.add(line, "the attribute '" + name + "' is refused: timers, calendars and wall-clock dates"
                    + " (date-effective, date-expires) are not used by this service's rules (a version has its own date)");
        } else if ((name.equals("salience") || name.equals("enabled")) && a.getValue() != null
                && !a.getValue().strip().matches("-?[0-9]+|true|false")) {
            java(bindings, JavaFragmentCheck.Kind.EXPRESSION, line).expression(a.getValue());
        }
    }

    private void consequence(Object code, int fallbackLine, Set<String> bindings) {
        if (code == null || code.toString().isBlank()) {
            return;
        }
        String source = code.toString();
        int line = text.lineOf(source, ruleStart, Math.max(1, fallbackLine));
        java(bindings, JavaFragmentCheck.Kind.CONSEQUENCE, line).block(ModifyBlocks.rewrite(source));
    }

    private JavaFragmentCheck java(Set<String> known, JavaFragmentCheck.Kind kind, int line) {
        return new JavaFragmentCheck(scope, Set.copyOf(known), kind, mvel, problems, line);
    }

    private int line(BaseDescr d) {
        if (d.getStartCharacter() >= 0) {
            return text.lineAt(d.getStartCharacter());
        }
        return d.getLine() > 0 ? d.getLine() : text.lineAt(ruleStart);
    }

    private void lhs(BaseDescr d, Set<String> bindings) {
        if (d instanceof AndDescr || d instanceof OrDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs().stream()
                    .map(BaseDescr.class::cast).toList()) {
                lhs(child, bindings);
            }
        } else if (d instanceof NotDescr || d instanceof ExistsDescr || d instanceof ForallDescr) {
            Set<String> inner = new HashSet<>(bindings);
            for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                lhs((BaseDescr) child, inner);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(p, bindings);
        } else if (d instanceof EvalDescr e) {
            java(bindings, JavaFragmentCheck.Kind.EXPRESSION, line(e)).expression(String.valueOf(e.getContent()));
        } else if (d instanceof AccumulateDescr a) {
            accumulate(a, bindings, line(a));
        } else if (d instanceof ConditionalBranchDescr branch) {
            java(bindings, JavaFragmentCheck.Kind.EXPRESSION, line(branch))
                    .expression(String.valueOf(branch.getCondition().getContent()));
            if (branch.getElseBranch() != null) {
                lhs(branch.getElseBranch(), bindings);
            }
        } else if (!(d instanceof NamedConsequenceDescr)) {
            problems.add(line(d), "this part of a rule (" + d.getClass().getSimpleName() + ") is refused: the safety check"
                    + " reads patterns, not, exists, forall, or, eval, from, collect and accumulate");
        }
    }

    private void pattern(PatternDescr p, Set<String> bindings) {
        int line = line(p);
        Optional<DrlScope.Type> type = scope.type(p.getObjectType());
        if (type.isEmpty()) {
            problems.add(line, "the pattern type '" + p.getObjectType() + "' is not allowed: a fact, a declared type or an allowed JDK type");
        }
        if (!p.getBehaviors().isEmpty()) {
            problems.add(line, "sliding windows (over window:…) are refused");
        }
        PatternSourceDescr source = p.getSource();
        if (source instanceof FromDescr from) {
            java(bindings, JavaFragmentCheck.Kind.EXPRESSION, line).expression(from.getDataSource().getText());
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), new HashSet<>(bindings));
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, bindings, line);
        } else if (source != null && !(source instanceof EntryPointDescr)) {
            problems.add(line, "this pattern source (" + source.getClass().getSimpleName() + ") is refused");
        }
        DrlScope.Type fact = type.orElse(new DrlScope.Type(p.getObjectType(), Set.of()));
        ConstraintCheck constraints = new ConstraintCheck(scope, fact, problems);
        for (BaseDescr c : p.getDescrs()) {
            int at = line(c);
            if (!(c instanceof ExprConstraintDescr e)) {
                problems.add(at, "this constraint (" + c.getClass().getSimpleName() + ") is refused");
                continue;
            }
            if (e.getExpression().strip().startsWith("/") || e.getExpression().strip().startsWith("?/")) {
                problems.add(at, "OOPath constraints are refused");
                continue;
            }
            String binding = constraints.check(e.getExpression(), at, bindings);
            if (binding != null) {
                bindings.add(binding);
            }
        }
        if (p.getIdentifier() != null && !p.getIdentifier().isBlank()) {
            if (Character.isUpperCase(p.getIdentifier().charAt(0))) {
                problems.add(line, "the binding '" + p.getIdentifier() + "' is refused: a binding's name starts with a lower-case letter or $");
            }
            bindings.add(p.getIdentifier());
        }
    }

    /** An accumulate: its source's bindings stay inside; functions are built-in; its own code is checked as Java. */
    private void accumulate(AccumulateDescr a, Set<String> bindings, int line) {
        Set<String> inner = new HashSet<>(bindings);
        if (a.getInput() != null) {
            lhs(a.getInput(), inner);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
            if (!DrlAllowList.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                problems.add(line, "the accumulate function '" + f.getFunction() + "' is refused: use one of "
                        + DrlAllowList.ACCUMULATE_FUNCTIONS);
            }
            for (String param : f.getParams()) {
                java(inner, JavaFragmentCheck.Kind.EXPRESSION, line).expression(param);
            }
            if (f.getBind() != null) {
                bindings.add(f.getBind());
            }
        }
        if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null) {
            BlockStmt init = java(inner, JavaFragmentCheck.Kind.FUNCTION, line).block(nonNull(a.getInitCode()));
            if (init != null) {
                inner.addAll(JavaFragmentCheck.topLevelNames(init));
            }
            java(inner, JavaFragmentCheck.Kind.FUNCTION, line).block(nonNull(a.getActionCode()));
            java(inner, JavaFragmentCheck.Kind.FUNCTION, line).block(nonNull(a.getReverseCode()));
            java(inner, JavaFragmentCheck.Kind.EXPRESSION, line).expression(a.getResultCode() == null ? "null" : a.getResultCode());
        }
    }

    private static String nonNull(String code) {
        return code == null ? "" : code;
    }
}
