package tw.straitcheck.checking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one constraint of a pattern ({@code Check( type != SubmissionType.ANNOUNCEMENT )}) word by
 * word. A constraint is DRL's expression language (MVEL-like: {@code in (…)}, {@code matches},
 * {@code $x : field}), not Java, so it is read as tokens: every name that does not follow a dot
 * must be a property or method of the pattern's fact, a binding, a global, a function, an allowed
 * type or an operator word; every name after a dot must not be a refused member
 * ({@code getClass} …); and the marks that would make it more than an expression (; { } @ # =,
 * comments, backslashes) are refused. A name Drools would otherwise look up as a class
 * ({@code java.lang.System}, {@code Runtime}) resolves to nothing here and is refused.
 */
final class ConstraintCheck {

    /** Operator words of DRL constraints, and literals. */
    private static final Set<String> WORDS = Set.of("in", "not", "matches", "contains", "memberOf", "soundslike",
            "excludes", "str", "instanceof", "null", "true", "false", "this", "after", "before", "coincides", "during",
            "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts", "startedby");

    private record Token(String text, boolean name, boolean string) {
    }

    private final DrlScope scope;
    private final DrlScope.Type fact;
    private final JavaFragmentCheck.Problems problems;

    ConstraintCheck(DrlScope scope, DrlScope.Type fact, JavaFragmentCheck.Problems problems) {
        this.scope = scope;
        this.fact = fact;
        this.problems = problems;
    }

    /**
     * Checks the constraint; returns the binding it declares ({@code $t} of {@code $t : text}), or
     * null.
     *
     * @param bindings the bindings the constraint sees
     */
    String check(String text, int line, Set<String> bindings) {
        List<Token> tokens = tokens(text, line);
        if (tokens == null) {
            return null;
        }
        String binding = null;
        int start = 0;
        if (tokens.size() > 2 && tokens.get(0).name() && tokens.get(1).text().equals(":")
                && !tokens.get(2).text().equals("=")) {
            binding = tokens.get(0).text();
            if (Character.isUpperCase(binding.charAt(0))) {
                problems.add(line, "the binding '" + binding + "' is refused: a binding's name starts with a lower-case letter or $");
            }
            start = 2;
        }
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.name()) {
                continue;
            }
            String previous = i > 0 ? tokens.get(i - 1).text() : "";
            if (previous.equals(".")) {
                if (DrlAllowList.denied(t.text())) {
                    problems.add(line, "'" + t.text() + "' is refused in a rule: it reaches classes, class loaders, threads or the session");
                }
            } else if (previous.equals("[") && i > 1 && tokens.get(i - 2).text().equals("str")) {
                continue; // str[startsWith]
            } else if (!resolves(t.text(), bindings)) {
                problems.add(line, "'" + t.text() + "' is not allowed here: it is not a property of " + simple(fact.name())
                        + ", a binding, a global or an allowed type");
            }
        }
        return binding;
    }

    private boolean resolves(String name, Set<String> bindings) {
        return WORDS.contains(name) || fact.properties().contains(name) || bindings.contains(name)
                || scope.isGlobal(name) || scope.isFunction(name) || scope.type(name).isPresent();
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The constraint's tokens, or null (with the problem added) when it holds a refused mark. */
    private List<Token> tokens(String text, int line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= n) {
                    problems.add(line, "an unterminated string in a constraint");
                    return null;
                }
                tokens.add(new Token(text.substring(i, end + 1), false, true));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), false, false));
                i = end;
            } else if (c == '$' || c == '_' || (c < 128 && Character.isLetter(c))) {
                int end = i;
                while (end < n && (text.charAt(end) == '$' || text.charAt(end) == '_'
                        || (text.charAt(end) < 128 && Character.isLetterOrDigit(text.charAt(end))))) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), true, false));
                i = end;
            } else if (c == '/' && i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                problems.add(line, "a comment inside a constraint is refused");
                return null;
            } else if (";{}@#\\`".indexOf(c) >= 0 || c >= 128) {
                problems.add(line, "'" + c + "' is refused in a constraint: a constraint is one expression");
                return null;
            } else if (c == '=' && !assignmentFree(text, i)) {
                problems.add(line, "an assignment is refused in a constraint: compare with ==");
                return null;
            } else if ((c == '+' || c == '-') && i + 1 < n && text.charAt(i + 1) == c) {
                problems.add(line, "'" + c + c + "' is refused in a constraint: a constraint changes nothing");
                return null;
            } else {
                tokens.add(new Token(String.valueOf(c), false, false));
                i++;
            }
        }
        return tokens;
    }

    /** Whether the '=' at i is part of ==, !=, <=, >= or := (never an assignment or a compound one). */
    private static boolean assignmentFree(String text, int i) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (after == '=') {
            return true;
        }
        char twoBefore = i > 1 ? text.charAt(i - 2) : ' ';
        if ((before == '<' || before == '>') && twoBefore == before) {
            return false; // <<= and >>= assign
        }
        return before == '=' || before == '!' || before == '<' || before == '>' || before == ':';
    }
}
