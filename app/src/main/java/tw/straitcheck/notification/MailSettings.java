package tw.straitcheck.notification;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The keys under {@code straitcheck.mail} (application.yml lists them with their environment
 * variables): who is mailed besides the school, and how the outbox is worked.
 */
@Singleton
public class MailSettings {

    private final Environment environment;
    private final String from;
    private final String fromName;
    private final List<String> ministryContacts;
    private final List<String> macContacts;
    private final int maxAttempts;
    private final int maxRecipients;
    private final int batchSize;
    private final Duration firstRetry;
    private final Duration maxRetry;

    MailSettings(Environment environment) {
        this.environment = environment;
        this.from = environment.getRequiredProperty("straitcheck.mail.from", String.class).strip();
        this.fromName = environment.get("straitcheck.mail.from-name", String.class).orElse("StraitCheck");
        this.ministryContacts = addresses("straitcheck.mail.ministry-contacts");
        this.macContacts = addresses("straitcheck.mail.mac-contacts");
        this.maxAttempts = environment.get("straitcheck.mail.outbox.max-attempts", Integer.class).orElse(8);
        this.maxRecipients = environment.get("straitcheck.mail.max-recipients", Integer.class).orElse(20);
        this.batchSize = environment.get("straitcheck.mail.outbox.batch-size", Integer.class).orElse(100);
        this.firstRetry = environment.get("straitcheck.mail.outbox.first-retry", Duration.class).orElse(Duration.ofMinutes(1));
        this.maxRetry = environment.get("straitcheck.mail.outbox.max-retry", Duration.class).orElse(Duration.ofHours(6));
        if (maxAttempts < 1 || batchSize < 1 || maxRecipients < 1) {
            throw new IllegalArgumentException(
                    "straitcheck.mail.outbox.max-attempts, batch-size and straitcheck.mail.max-recipients must be at least 1");
        }
    }

    /** The sender's address. */
    public String from() {
        return from;
    }

    public String fromName() {
        return fromName;
    }

    /** 本案教育部聯絡人: mailed every filing (handbook 參(三)). */
    public List<String> ministryContacts() {
        return ministryContacts;
    }

    /** 本案陸委會聯絡人: mailed every filing (handbook 參(三)). */
    public List<String> macContacts() {
        return macContacts;
    }

    /** The school's platform administrator(s) ({@code straitcheck.mail.school-admins.<schoolCode>}), for reminders. */
    public List<String> schoolAdmins(String schoolCode) {
        if (schoolCode == null || !schoolCode.matches("[A-Za-z0-9_-]{1,32}")) {
            return List.of();
        }
        return addresses("straitcheck.mail.school-admins." + schoolCode);
    }

    /**
     * The school's registered contact persons ({@code straitcheck.mail.school-contacts.<schoolCode>};
     * the handbook's 聯絡窗口登錄, kept by the school administrator): mailed every filing and decision
     * of the school. Never the addresses typed into a submission, which anyone may fill in.
     */
    public List<String> schoolContacts(String schoolCode) {
        if (schoolCode == null || !schoolCode.matches("[A-Za-z0-9_-]{1,32}")) {
            return List.of(); // not a key a setting can have
        }
        return addresses("straitcheck.mail.school-contacts." + schoolCode);
    }

    /** At most this many recipients per mail ({@code straitcheck.mail.max-recipients}). */
    public int maxRecipients() {
        return maxRecipients;
    }

    /** After this many failed attempts a mail is FAILED and no longer tried. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** At most this many mails per run of the worker. */
    public int batchSize() {
        return batchSize;
    }

    /** How long to wait after the given number of failed attempts: doubling from first-retry, capped at max-retry. */
    public Duration retryDelay(int failedAttempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    /** A list of addresses: a YAML list, or one comma-separated value (as environment variables give it). */
    private List<String> addresses(String key) {
        return environment.get(key, Argument.listOf(String.class)).orElse(List.of()).stream()
                .flatMap(value -> Addresses.split(value).stream())
                .toList();
    }
}
