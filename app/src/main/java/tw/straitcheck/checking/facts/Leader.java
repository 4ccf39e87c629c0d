package tw.straitcheck.checking.facts;

import java.util.Set;

/** A leader of the group (學校帶隊人員). {@code rank}, {@code agencyHead}, {@code specialIdentities} and
 * {@code plannedStudy} are only meaningful when {@code civilServant}. */
public final class Leader {

    private final int index;
    private final String path;
    private final String name;
    private final boolean civilServant;
    private final String rank;
    private final boolean agencyHead;
    private final Set<String> specialIdentities;
    private final boolean plannedStudy;

    public Leader(int index, String path, String name, boolean civilServant, String rank, boolean agencyHead, Set<String> specialIdentities, boolean plannedStudy) {
        this.index = index;
        this.path = path;
        this.name = name;
        this.civilServant = civilServant;
        this.rank = rank;
        this.agencyHead = agencyHead;
        this.specialIdentities = specialIdentities == null ? Set.of() : Set.copyOf(specialIdentities);
        this.plannedStudy = plannedStudy;
    }

    public int getIndex() {
        return index;
    }

    public String getPath() {
        return path;
    }

    public String getName() {
        return name;
    }

    public boolean isCivilServant() {
        return civilServant;
    }

    public String getRank() {
        return rank;
    }

    public boolean isAgencyHead() {
        return agencyHead;
    }

    public Set<String> getSpecialIdentities() {
        return specialIdentities;
    }

    public boolean isPlannedStudy() {
        return plannedStudy;
    }

    public boolean hasSpecialIdentity() {
        return !specialIdentities.isEmpty();
    }

    @Override
    public String toString() {
        return "Leader[" + "index=" + index + ", " + "path=" + path + ", " + "name=" + name + ", " + "civilServant=" + civilServant + ", " + "rank=" + rank + ", " + "agencyHead=" + agencyHead + ", " + "specialIdentities=" + specialIdentities + ", " + "plannedStudy=" + plannedStudy + "]";
    }
}
