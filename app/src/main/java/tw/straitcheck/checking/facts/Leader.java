package tw.straitcheck.checking.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A leader of the group (學校帶隊人員). {@code rank}, {@code agencyHead}, {@code specialIdentities} and
 * {@code plannedStudy} are only meaningful when {@code civilServant}. Compared by identity: two
 * leaders of the same name are two leaders. */
public record Leader(int index, String path, String name, boolean civilServant, Rank rank, boolean agencyHead, Set<SpecialIdentity> specialIdentities, boolean plannedStudy) {

    public Leader {
        specialIdentities = specialIdentities == null || specialIdentities.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(specialIdentities));
    }

    public boolean hasSpecialIdentity() {
        return !specialIdentities.isEmpty();
    }

    /** The identity codes in alphabetical order, as evidence quotes them. */
    public List<String> identityCodes() {
        return specialIdentities.stream().map(Enum::name).sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
