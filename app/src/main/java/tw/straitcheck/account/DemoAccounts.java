package tw.straitcheck.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import tw.straitcheck.system.Messages;

/**
 * The default run's demo: one school with its administrator and one account of every role, with
 * random passwords, printed once to standard output (not to the log) when they are made. Never in
 * the {@code prod} environment; off with {@code straitcheck.demo-accounts.enabled=false}.
 */
@Singleton
@Requires(notEnv = "prod")
@Requires(property = "straitcheck.demo-accounts.enabled", notEquals = "false")
class DemoAccounts {

    static final String SCHOOL = "999999";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+=?@";

    private final AccountService accounts;
    private final PrintStream out;
    private final int port;

    DemoAccounts(AccountService accounts, @Value("${micronaut.server.port:8080}") int port) {
        this.accounts = accounts;
        this.out = System.out;
        this.port = port;
    }

    record Demo(String username, String displayNameKey, Role role) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("school-user@demo.straitcheck.tw", "demo.name.school-user", Role.SCHOOL_USER),
            new Demo("school-admin@demo.straitcheck.tw", "demo.name.school-admin", Role.SCHOOL_ADMIN),
            new Demo("reviewer@demo.straitcheck.tw", "demo.name.reviewer", Role.REVIEWER),
            new Demo("policy@demo.straitcheck.tw", "demo.name.policy-editor", Role.POLICY_EDITOR),
            new Demo("sysadmin@demo.straitcheck.tw", "demo.name.system-admin", Role.SYSTEM_ADMIN));

    @EventListener
    void onStartup(StartupEvent event) {
        if (accounts.school(SCHOOL).isEmpty()) {
            accounts.createSchool(SCHOOL, Messages.of("demo.school").zh());
        }
        StringBuilder printed = new StringBuilder();
        for (Demo demo : DEMOS) {
            if (accounts.account(demo.username()).isPresent()) {
                continue;  // made by an earlier run: its password was printed then
            }
            String password = password();
            accounts.createAccount(new AccountService.NewAccount(demo.username(),
                    Messages.of(demo.displayNameKey()).zh(), demo.role().ofSchool() ? SCHOOL : null,
                    EnumSet.of(demo.role()), password, false));
            printed.append(String.format("  %-14s %-34s %s%n", demo.role(), demo.username(), password));
        }
        if (!printed.isEmpty()) {
            out.println(Messages.of("demo.printed", "http://localhost:" + port + "/login").en() + System.lineSeparator() + printed);
            out.flush();
        }
    }

    /** 16 characters with every kind of the handbook's rule 2. */
    static String password() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        StringBuilder p = new StringBuilder();
        for (String kind : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            p.append(kind.charAt(RANDOM.nextInt(kind.length())));
        }
        while (p.length() < 16) {
            p.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return p.toString();
    }
}
