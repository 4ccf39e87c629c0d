package tw.straitcheck.checking;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names one DRL file gives meaning to, as the safety check resolves them: its imports (only
 * allowed types get in), its declared types with their fields, its globals and functions. A name
 * resolves the way Java resolves it in the generated code, and one that does not resolve here is
 * refused, so an implicit {@code java.lang} class that is not allowed ({@code System}) is refused.
 */
final class DrlScope {

    /** A type a rule may name: an allowed class, or a type the DRL declares (with its fields). */
    record Type(String name, Set<String> properties) {
    }

    private final Map<String, Class<?>> imported = new HashMap<>();
    private boolean factsImported;
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Set<String> globals = new HashSet<>();
    private final Set<String> functions = new HashSet<>();

    void importType(String simpleName, Class<?> type) {
        imported.put(simpleName, type);
    }

    void importFacts() {
        factsImported = true;
    }

    void declare(String name, Set<String> fields) {
        declared.put(name, fields);
    }

    void global(String name) {
        globals.add(name);
    }

    void function(String name) {
        functions.add(name);
    }

    boolean isGlobal(String name) {
        return globals.contains(name);
    }

    boolean isFunction(String name) {
        return functions.contains(name);
    }

    /**
     * A type name as written ({@code Check}, {@code List}, {@code java.util.List},
     * {@code Map.Entry}): what it resolves to, if it is allowed.
     */
    Optional<Type> type(String written) {
        String name = written.strip();
        Set<String> fields = declared.get(name);
        if (fields != null) {
            return Optional.of(new Type(name, fields));
        }
        return javaType(name).map(c -> new Type(c.getName(), DrlAllowList.properties(c)));
    }

    /** Whether the name is one of the file's own declared types. */
    boolean isDeclared(String name) {
        return declared.containsKey(name);
    }

    private Optional<Class<?>> javaType(String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            // Map.Entry: a nested type of an imported one; else a fully qualified name
            Optional<Class<?>> outer = javaType(name.substring(0, dot));
            if (outer.isPresent()) {
                return DrlAllowList.qualified(outer.get().getCanonicalName() + name.substring(dot));
            }
            return DrlAllowList.qualified(name);
        }
        Class<?> type = imported.get(name);
        if (type != null) {
            return Optional.of(type);
        }
        if (factsImported) {
            Optional<Class<?>> fact = DrlAllowList.fact(name);
            if (fact.isPresent()) {
                return fact;
            }
        }
        return DrlAllowList.implicit(name);
    }
}
