package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.straitcheck.PolicyDatabases;

/**
 * The default run's demo accounts: printed once, to standard output; never in the prod environment.
 * This class's own context (demo accounts off, as in every test) only gives the embedded
 * PostgreSQL's address to the contexts the tests start.
 */
@MicronautTest(transactional = false)
class DemoAccountsTest {

    @Inject
    ApplicationContext context;

    private Map<String, Object> demoOn() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("straitcheck.demo-accounts.enabled", true);
        settings.put("straitcheck.accounts.bcrypt-cost", 4);
        settings.put("micronaut.server.port", -1);
        for (String key : List.of("url", "username", "password")) {
            settings.put("datasources.default." + key, context.getProperty("datasources.default." + key, String.class).orElse(""));
        }
        return settings;
    }

    @Test
    void theDemoAccountsArePrintedOnceWithTheirPasswordsAndCanLogIn() {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, demoOn(), "test")) {
                ApplicationContext first = server.getApplicationContext();
                first.getBean(DemoAccounts.class).made().join();
                AccountService accounts = first.getBean(AccountService.class);
                String text = printed.toString(StandardCharsets.UTF_8);
                for (DemoAccounts.Demo demo : DemoAccounts.DEMOS) {
                    if (!text.contains(demo.username())) {
                        continue;  // made by an earlier run on this test database
                    }
                    String line = text.lines().filter(l -> l.contains(demo.username())).findFirst().orElseThrow();
                    String password = line.strip().split("\\s+")[2];
                    assertThat(accounts.login(demo.username(), password)).isInstanceOf(AccountService.LoggedIn.class);
                }
                for (DemoAccounts.Demo demo : DemoAccounts.DEMOS) {
                    assertThat(accounts.account(demo.username()).orElseThrow().roles()).containsExactly(demo.role());
                }
                if (text.contains("@demo.")) {
                    // the block names where to start and what each account can do
                    assertThat(text).contains("open http://localhost:8080 and log in as", "SMTP_HOST");
                    text.lines().filter(l -> l.contains("@demo.")).forEach(line -> assertThat(line.strip().split("\\s+"))
                            .as(line).hasSizeGreaterThan(4));
                    for (DemoAccounts.Demo demo : DemoAccounts.DEMOS) {
                        if (text.contains(demo.username())) {
                            assertThat(text).contains(tw.straitcheck.system.Messages.of(demo.canKey()).en());
                        }
                    }
                }
                assertThat(accounts.account(DemoAccounts.DEMOS.get(1).username()).orElseThrow().school())
                        .isEqualTo(DemoAccounts.SCHOOL);
            }
            printed.reset();
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, demoOn(), "test")) {
                second.getApplicationContext().getBean(DemoAccounts.class).made().join();
                assertThat(printed.toString(StandardCharsets.UTF_8)).as("not printed twice").doesNotContain("@demo.");
            }
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void aContextWithoutAServerMakesNone() {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Map<String, Object> settings = demoOn();
            // a database of its own, where no demo account was ever made
            settings.putAll(PolicyDatabases.fresh());
            try (ApplicationContext command = ApplicationContext.run(settings, "test")) {
                command.getBean(DemoAccounts.class).made().join();
                assertThat(command.getBean(AccountService.class).account(DemoAccounts.DEMOS.get(0).username())).isEmpty();
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("@demo.");
        } finally {
            System.setOut(before);
        }
    }

    @Test
    void inTheProdEnvironmentThereAreNoDemoAccounts() {
        try (ApplicationContext prod = ApplicationContext.run(demoOn(), "test", "prod")) {
            assertThat(prod.containsBean(DemoAccounts.class)).isFalse();
        }
    }

    @Test
    void aDemoPasswordMeetsTheHandbooksRules() {
        for (int i = 0; i < 100; i++) {
            assertThat(PasswordRules.strength(InitialPasswords.make())).isEmpty();
        }
    }
}
