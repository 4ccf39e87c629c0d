package tw.straitcheck.checking;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule may name: the project's fact and helper classes, a short list of JDK value types,
 * and on any of them every method except those that reach a class, a class loader, a thread or
 * the rule engine's session. Anything else ({@code System}, {@code Runtime}, {@code Thread},
 * {@code ProcessBuilder}, {@code Class}, {@code java.io}, {@code java.nio}, {@code java.net},
 * {@code java.lang.reflect}, executors …) is refused by not being here: the list says what is
 * allowed, never what is forbidden, so a class nobody thought of is refused too.
 */
final class DrlAllowList {

    /** The facts package: every class in it may be imported (also as {@code facts.*}). */
    static final String FACTS_PACKAGE = "tw.straitcheck.checking.facts";

    /** The helpers the rules call besides the facts: raising findings, phrases, due dates, keyword search. */
    private static final List<Class<?>> HELPERS = List.of(Finding.class, Phrase.class,
            tw.straitcheck.checking.dates.Due.class, tw.straitcheck.checking.dates.DueDates.class,
            tw.straitcheck.checking.text.Keywords.class);

    /** JDK value types: text, numbers, dates, collections, and Math/Objects for arithmetic and null checks. */
    private static final List<Class<?>> JDK = List.of(
            String.class, CharSequence.class, Character.class, Boolean.class, Number.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class, Math.class, Comparable.class, Object.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.math.RoundingMode.class,
            java.time.LocalDate.class, java.time.LocalDateTime.class, java.time.LocalTime.class,
            java.time.YearMonth.class, java.time.Year.class, java.time.MonthDay.class, java.time.Month.class,
            java.time.DayOfWeek.class, java.time.Duration.class, java.time.Period.class,
            java.time.temporal.ChronoUnit.class, java.time.temporal.TemporalAdjusters.class,
            java.time.format.DateTimeFormatter.class,
            java.util.List.class, java.util.Set.class, java.util.Map.class, java.util.Map.Entry.class,
            java.util.Collection.class, java.util.ArrayList.class, java.util.LinkedHashMap.class,
            java.util.LinkedHashSet.class, java.util.HashMap.class, java.util.HashSet.class, java.util.TreeMap.class,
            java.util.TreeSet.class, java.util.Comparator.class, java.util.Objects.class, java.util.Optional.class);

    /** The java.lang types a rule names without an import, as Java and MVEL do. */
    private static final Set<String> JAVA_LANG = Set.of("String", "CharSequence", "Character", "Boolean", "Number",
            "Byte", "Short", "Integer", "Long", "Float", "Double", "Math", "Comparable", "Object");

    /**
     * Methods (and, as MVEL reads {@code x.class} as {@code x.getClass()}, the properties they
     * stand for) refused on every receiver: they reach a Class, a class loader or a module (and
     * from there reflection), wake or park threads, or run work on other threads; read system
     * properties ({@code Integer.getInteger}); or, called through an instance as Java allows a
     * static method to be, make an endless stream ({@code list.stream().iterate(…)}, {@code generate},
     * {@code range}) that a halt cannot stop.
     */
    private static final Set<String> DENIED_MEMBERS = Set.of("getClass", "getDeclaringClass", "getClassLoader",
            "getModule", "describeConstable", "resolveConstantDesc", "wait", "notify", "notifyAll", "finalize",
            "parallelStream", "parallel", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getSession",
            "halt", "getRuntime", "exec", "exit", "forName", "newInstance", "invoke", "setAccessible",
            "getInteger", "getLong", "getBoolean", "iterate", "generate", "range", "rangeClosed");

    /** What a consequence may call without a receiver: the fact operations of the rule's session. */
    static final Set<String> SESSION_CALLS = Set.of("insert", "insertLogical", "update", "retract", "delete", "modify");

    /** The built-in accumulate functions (no {@code import accumulate} of one's own). */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet", "countDistinct");

    /** Rule attributes that evaluate nothing dangerous; timers, calendars and wall-clock dates are refused. */
    static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "dialect", "enabled");

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, Set<String>> PROPERTIES = new ConcurrentHashMap<>();
    /** Classes of the facts package looked up by name, found or not (a miss costs a ClassNotFoundException). */
    private static final Map<String, Optional<Class<?>>> FACTS = new ConcurrentHashMap<>();

    static {
        for (Class<?> type : JDK) {
            BY_NAME.put(type.getCanonicalName(), type);
        }
        for (Class<?> type : HELPERS) {
            BY_NAME.put(type.getCanonicalName(), type);
        }
    }

    private DrlAllowList() {
    }

    /** The allowed class of a fully qualified name ({@code java.util.List}, {@code tw.straitcheck.checking.facts.Check}), if it is one. */
    static Optional<Class<?>> qualified(String name) {
        Class<?> known = BY_NAME.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (name.startsWith(FACTS_PACKAGE + ".")) {
            return FACTS.computeIfAbsent(name, n -> load(n).or(() -> nested(n)));
        }
        return Optional.empty();
    }

    /** A java.lang type a rule names without importing it. */
    static Optional<Class<?>> implicit(String simpleName) {
        return JAVA_LANG.contains(simpleName) ? qualified("java.lang." + simpleName) : Optional.empty();
    }

    /** A class of the facts package, by simple name (what {@code import …facts.*} brings in). */
    static Optional<Class<?>> fact(String simpleName) {
        return simpleName.indexOf('.') < 0 ? qualified(FACTS_PACKAGE + "." + simpleName) : Optional.empty();
    }

    /** Whether a simple name is also a java.lang class ({@code System}, {@code Thread}, {@code String}). */
    static boolean shadowsJdk(String simpleName) {
        return simpleName.indexOf('.') < 0 && loadJdk("java.lang." + simpleName);
    }

    private static boolean loadJdk(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean denied(String member) {
        if (DENIED_MEMBERS.contains(member)) {
            return true;
        }
        // MVEL reads a.b as a.getB() or a.isB(): refuse the property that stands for a refused getter
        String cap = member.isEmpty() ? member : member.substring(0, 1).toUpperCase(Locale.ROOT) + member.substring(1);
        return DENIED_MEMBERS.contains("get" + cap) || DENIED_MEMBERS.contains("is" + cap) || member.equals("class");
    }

    /** The names a constraint may use for the fact itself: its properties (getters, record components, fields) and methods. */
    static Set<String> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            Set<String> names = new TreeSet<>();
            for (Method m : t.getMethods()) {
                if (m.getDeclaringClass() == Object.class) {
                    continue;
                }
                names.add(m.getName());
                String n = m.getName();
                if (m.getParameterCount() == 0 && n.length() > 3 && n.startsWith("get")) {
                    names.add(decapitalize(n.substring(3)));
                } else if (m.getParameterCount() == 0 && n.length() > 2 && n.startsWith("is")) {
                    names.add(decapitalize(n.substring(2)));
                }
            }
            if (t.isRecord()) {
                for (RecordComponent c : t.getRecordComponents()) {
                    names.add(c.getName());
                }
            }
            for (Field f : t.getFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
            names.removeIf(DrlAllowList::denied);
            return Set.copyOf(names);
        });
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, DrlAllowList.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** {@code …facts.Outer.Inner} as the binary name {@code …facts.Outer$Inner}. */
    private static Optional<Class<?>> nested(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= FACTS_PACKAGE.length() ? Optional.empty()
                : load(name.substring(0, dot) + "$" + name.substring(dot + 1));
    }
}
