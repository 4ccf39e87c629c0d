package tw.straitcheck.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.system.Messages;

/**
 * The default run's demo: one school with its administrator and one account of every role, with
 * random passwords, printed once to standard output (not to the log) when they are made. Never in
 * the {@code prod} environment; off with {@code straitcheck.demo-accounts.enabled=false}.
 *
 * <p>They are made once the server has started, not before: a first start's six BCrypt hashes take
 * about a second of CPU, which would otherwise hold up the service's first answer on a machine of
 * two cores. The block is printed once they exist, so every password printed already logs in.
 * Closing the application waits for them. A context without a server (a command such as
 * {@code seed}) makes none.
 */
@Singleton
@Requires(notEnv = "prod")
@Requires(property = "straitcheck.demo-accounts.enabled", notEquals = "false")
class DemoAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    static final String SCHOOL = "999999";

    private final AccountService accounts;
    private final PrintStream out;
    private final PublicAddress address;
    private final ExecutorService executor;
    private volatile CompletableFuture<Void> made = CompletableFuture.completedFuture(null);

    DemoAccounts(AccountService accounts, PublicAddress address, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.accounts = accounts;
        this.out = System.out;
        this.address = address;
        this.executor = executor;
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
    void onServerStarted(ServerStartupEvent event) {
        made = CompletableFuture.runAsync(this::makeMissing, executor).whenComplete((done, failed) -> {
            if (failed != null) {
                LOG.error("The demo accounts could not be made", failed);
            }
        });
    }

    /** Done when the demo accounts are made (or failed), and printed. */
    CompletableFuture<Void> made() {
        return made;
    }

    @PreDestroy
    void awaitMade() {
        try {
            made.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // logged when it failed; a close does not wait longer than that
        }
    }

    private void makeMissing() {
        if (accounts.school(SCHOOL).isEmpty()) {
            accounts.createSchool(SCHOOL, Messages.of("demo.school").zh());
        }
        // one made by an earlier run is left alone: its password was printed then
        List<Demo> missing = DEMOS.stream().filter(demo -> accounts.account(demo.username()).isEmpty()).toList();
        // each in its own transaction, one after the other on one thread: the other core is left to
        // the service's first requests, which would otherwise wait behind the hashes
        List<String> passwords = missing.stream().map(this::create).toList();
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
