package tw.straitcheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.straitcheck.account.AccountService;
import tw.straitcheck.account.Role;

/**
 * Credentials for the tests' HTTP clients, made through the real services: a school, an account
 * with a role, and an API token for it, sent as {@code Authorization: Bearer <token>}. Accounts
 * outlive a test context (the database is kept), so an existing one gets a new token. They are
 * committed at once, also from inside a test's own transaction, so the server sees them.
 */
@Singleton
public class TestAccounts {

    public static final String AUTHORIZATION = "Authorization";
    public static final String PASSWORD = "Test-Passw0rd";

    private final AccountService accounts;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, String> bearers = new ConcurrentHashMap<>();

    TestAccounts(AccountService accounts, TransactionOperations<Connection> transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    private <T> T committed(java.util.function.Supplier<T> work) {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> work.get());
    }

    /** The school, made if it is not there yet. */
    public String school(String code) {
        return committed(() -> {
            if (accounts.school(code).isEmpty()) {
                accounts.createSchool(code, "School " + code);
            }
            return code;
        });
    }

    /** {@code Bearer <token>} for the account, made with the role (and school) if it is not there yet. */
    public String bearer(String username, Role role, @Nullable String school) {
        return bearers.computeIfAbsent(username, u -> committed(() -> {
            long id = accounts.account(u).map(AccountService.AccountView::id).orElseGet(() -> {
                if (school != null) {
                    school(school);
                }
                return accounts.createAccount(new AccountService.NewAccount(u, u, role.ofSchool() ? school : null,
                        EnumSet.of(role), PASSWORD, false)).id();
            });
            return "Bearer " + accounts.createToken(id, "test", "tests").token();
        }));
    }

    /** A school user of {@code school}: {@code filer@school.edu.tw} for 013301, the spec's school. */
    public String filer(String school) {
        return bearer(filerName(school), Role.SCHOOL_USER, school);
    }

    public static String filerName(String school) {
        return "013301".equals(school) ? "filer@school.edu.tw" : "filer@" + school + ".school.edu.tw";
    }

    public String reviewer(String username) {
        return bearer(username, Role.REVIEWER, null);
    }

    public String systemAdmin() {
        return bearer("sysadmin@straitcheck.test", Role.SYSTEM_ADMIN, null);
    }
}
