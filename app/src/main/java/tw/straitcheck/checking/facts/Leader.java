package tw.straitcheck.checking.facts;

import java.util.Set;

/** A leader of the group (學校帶隊人員). {@code rank}, {@code agencyHead}, {@code specialIdentities} and
 * {@code plannedStudy} are only meaningful when {@code civilServant}. Compared by identity: two
 * leaders of the same name are two leaders. */
public record Leader(int index, String path, String name, boolean civilServant, String rank, boolean agencyHead, Set<String> specialIdentities, boolean plannedStudy) {

    public Leader {
        specialIdentities = specialIdentities == null ? Set.of() : Set.copyOf(specialIdentities);
    }

    public boolean hasSpecialIdentity() {
        return !specialIdentities.isEmpty();
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
