package tw.straitcheck.account;

import java.util.EnumSet;
import java.util.Set;

/** What an account may do (issue 8; handbook 參(三)(一) 帳號管理). */
public enum Role {
    /** Files and reads its own school's records. */
    SCHOOL_USER,
    /** A school user who also keeps the school's accounts, tokens and contact persons. */
    SCHOOL_ADMIN,
    /** Reads records in review and decided ones, marks flags, decides. */
    REVIEWER,
    /** Reads the rulebook and the keyword statistics. */
    POLICY_EDITOR,
    /** Creates schools and their first administrator, keeps the ministry's staff accounts; reads the outbox. */
    SYSTEM_ADMIN;

    /** The role names, for {@code @Secured}. */
    public static final class Names {
        public static final String SCHOOL_USER = "SCHOOL_USER";
        public static final String SCHOOL_ADMIN = "SCHOOL_ADMIN";
        public static final String REVIEWER = "REVIEWER";
        public static final String POLICY_EDITOR = "POLICY_EDITOR";
        public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

        private Names() {
        }
    }

    public static final Set<Role> SCHOOL_ROLES = EnumSet.of(SCHOOL_USER, SCHOOL_ADMIN);

    /** The roles that administer other accounts: a disabled account cannot be given them (參(三)(一)). */
    public static final Set<Role> ADMIN_ROLES = EnumSet.of(SCHOOL_ADMIN, SYSTEM_ADMIN);

    public boolean ofSchool() {
        return SCHOOL_ROLES.contains(this);
    }
}
