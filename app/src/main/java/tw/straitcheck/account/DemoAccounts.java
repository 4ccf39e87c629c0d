package tw.straitcheck.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.PrintStream;
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

    private final AccountService accounts;
    private final PrintStream out;
    private final PublicAddress address;

    DemoAccounts(AccountService accounts, PublicAddress address) {
        this.accounts = accounts;
        this.out = System.out;
        this.address = address;
    }

    /** A demo account: its name, the keys of its display name and of what it can do, its role. */
    record Demo(String username, String displayNameKey, String canKey, Role role) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("school-user@demo.straitcheck.tw", "demo.name.school-user", "demo.can.school-user", Role.SCHOOL_USER),
            new Demo("school-admin@demo.straitcheck.tw", "demo.name.school-admin", "demo.can.school-admin", Role.SCHOOL_ADMIN),
            new Demo("reviewer@demo.straitcheck.tw", "demo.name.reviewer", "demo.can.reviewer", Role.REVIEWER),
            new Demo("policy@demo.straitcheck.tw", "demo.name.policy-editor", "demo.can.policy-editor", Role.POLICY_EDITOR),
            // publishing needs a second policy editor, who did not edit the draft (four eyes)
            new Demo("policy-2@demo.straitcheck.tw", "demo.name.second-policy-editor", "demo.can.second-policy-editor",
                    Role.POLICY_EDITOR),
            new Demo("sysadmin@demo.straitcheck.tw", "demo.name.system-admin", "demo.can.system-admin", Role.SYSTEM_ADMIN));

    @EventListener
    void onStartup(StartupEvent event) {
        if (accounts.school(SCHOOL).isEmpty()) {
            accounts.createSchool(SCHOOL, Messages.of("demo.school").zh());
        }
        // one made by an earlier run is left alone: its password was printed then
        List<Demo> missing = DEMOS.stream().filter(demo -> accounts.account(demo.username()).isEmpty()).toList();
        // each in its own transaction, on every core: a BCrypt hash is 0.1-0.2 s of a first start
        List<String> passwords = missing.parallelStream().map(this::create).toList();
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            Demo demo = missing.get(i);
            printed.append(String.format("  %-14s %-33s %-17s %s%n", demo.role(), demo.username(), passwords.get(i),
                    Messages.of(demo.canKey()).en()));
        }
        if (!printed.isEmpty()) {
            String rule = "-".repeat(100) + System.lineSeparator();
            out.print(rule + Messages.of("demo.printed", address.url()).en() + System.lineSeparator()
                    + printed + Messages.of("demo.printed-after").en() + System.lineSeparator() + rule);
            out.flush();
        }
    }

    /** Makes the demo account with a new initial password, and answers that password. */
    private String create(Demo demo) {
        String password = InitialPasswords.make();
        accounts.createAccount(new AccountService.NewAccount(demo.username(),
                Messages.of(demo.displayNameKey()).zh(), demo.role().ofSchool() ? SCHOOL : null,
                EnumSet.of(demo.role()), password, false));
        return password;
    }
}
