package tw.straitcheck.checking.facts;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns the codes of a validated submission into the enums the facts carry. */
public final class Codes {

    private Codes() {
    }

    /** The names of an enum's constants, in declaration order: the codes a submission may give. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** The constant named {@code code}, or null for null; a code the enum does not have is a bug upstream. */
    public static <E extends Enum<E>> E of(Class<E> type, String code) {
        return code == null ? null : Enum.valueOf(type, code);
    }

    /** The constants named, as an unmodifiable set in declaration order; null for null. */
    public static <E extends Enum<E>> Set<E> setOf(Class<E> type, Collection<String> codes) {
        if (codes == null) {
            return null;
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String code : codes) {
            set.add(Enum.valueOf(type, code));
        }
        return Collections.unmodifiableSet(set);
    }
}
