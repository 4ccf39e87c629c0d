package tw.straitcheck.checking;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts building the rulebase before anything else of the application, on a thread of its own,
 * so that it is built while the embedded database starts and Flyway migrates it (the two take
 * about the same time; one after the other they made the first answer wait for both).
 * {@link RulebaseFactory} takes the result when the same rules folder is configured.
 */
@ContextConfigurer
public final class RulebasePrebuild implements ApplicationContextConfigurer {

    private static final Object LOCK = new Object();
    private static String rulesDir;
    private static CompletableFuture<Rulebase> building;

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        String dir = setting();
        CompletableFuture<Rulebase> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(load(dir));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "rulebase-prebuild");
        thread.setDaemon(true);
        synchronized (LOCK) {
            rulesDir = dir;
            building = future;
        }
        thread.start();
    }

    /** The rulebase of {@code dir} ("" for the packaged rules): the one started early if it is that one, else built now. */
    static Rulebase take(String dir) {
        CompletableFuture<Rulebase> future;
        synchronized (LOCK) {
            future = dir.equals(rulesDir) ? building : null;
            building = null;
            rulesDir = null;
        }
        if (future == null) {
            return load(dir);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static Rulebase load(String dir) {
        return RulebaseLoader.load(files(dir));
    }

    static RuleFiles files(String dir) {
        return dir.isBlank() ? RuleFiles.fromClasspath() : RuleFiles.fromDirectory(Path.of(dir));
    }

    /** {@code straitcheck.rules.dir} as application.yml reads it: the system property, else STRAITCHECK_RULES_DIR. */
    private static String setting() {
        String value = System.getProperty("straitcheck.rules.dir");
        if (value == null || value.isBlank()) {
            value = System.getenv("STRAITCHECK_RULES_DIR");
        }
        return value == null ? "" : value.strip();
    }
}
