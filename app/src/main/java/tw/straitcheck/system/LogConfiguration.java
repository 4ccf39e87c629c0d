package tw.straitcheck.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The log's configuration, in code rather than in a logback.xml: logback reads an XML file with its
 * Joran machinery (a SAX parse, a model, its handlers), a few hundred milliseconds of the main
 * thread at every start before anything else can run. One line per event on standard error, times
 * in Asia/Taipei; Drools and the embedded PostgreSQL only from WARN. Found by logback through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}. An operator's own file still
 * wins: with {@code -Dlogback.configurationFile=…} this steps aside and logback reads that file.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS,Asia/Taipei} %-5level %logger{36} - %msg%n";

    /** Loggers quieter than INFO: the engine's libraries speak at every build. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.drools", Level.WARN,
            "org.kie", Level.WARN,
            // rules/ is laid out one folder per provision, all in one DRL package, on purpose
            "org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.ERROR,
            "io.zonky.test.db.postgres", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
