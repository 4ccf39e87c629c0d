package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log as the service writes it, configured in code; an operator's own logback file still wins. */
class LogConfigurationTest {

    @Test
    void oneLineOnStandardErrorInTaipeiTimeAndTheEnginesLibrariesOnlyFromWarn() {
        LoggerContext context = new LoggerContext();
        assertThat(new LogConfiguration().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).contains("Asia/Taipei");
        assertThat(context.getLogger("org.drools.mvel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.drools.compiler.kie.builder.impl.KieBuilderImpl").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("tw.straitcheck.checking").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void theServiceIsConfiguredByItAndAnOperatorsFileIsLeftToLogback() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        System.setProperty("logback.configurationFile", "operators-own.xml");
        try {
            assertThat(new LogConfiguration().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
