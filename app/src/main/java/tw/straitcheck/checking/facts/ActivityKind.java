package tw.straitcheck.checking.facts;

/** What a subsidised activity is (SUBSIDY 3(2): 教育學術研討會、教育論壇、學藝競賽及研習活動). */
public enum ActivityKind {
    SEMINAR, FORUM, COMPETITION_OR_STUDY, OTHER
}
