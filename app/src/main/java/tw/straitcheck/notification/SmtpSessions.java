package tw.straitcheck.notification;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The JavaMail session of this application context, from {@code javamail.properties.*} (and
 * {@code javamail.authentication.*}). Replaces Micronaut's DefaultSessionProvider, which asks for
 * {@code Session.getDefaultInstance}: that session is JVM-wide and keeps the settings it was first
 * made with, so a second context (or a changed SMTP setting) would silently use the old server.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class SmtpSessions implements SessionProvider {

    private final Session session;

    SmtpSessions(MailPropertiesProvider provider, @Nullable Authenticator authenticator) {
        Properties properties = new Properties();
        // JavaMail reads most settings as strings; YAML and test maps may give numbers and booleans.
        provider.mailProperties().forEach((key, value) -> properties.setProperty(key.toString(), String.valueOf(value)));
        if (authenticator != null) {
            properties.putIfAbsent("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
