package tw.straitcheck.account;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.straitcheck.notification.OutboxWorker;

/** GreenMail for the account tests, and the forgotten-password mail as the user reads it. */
final class ResetMails {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/password/reset\\?token=[A-Za-z0-9_-]+)");

    private ResetMails() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMail smtp(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** The app's settings for GreenMail on {@code port} (HELO: GreenMail's EHLO answer is slow). */
    static Map<String, String> settings(int port) {
        return Map.of("javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(port),
                "javamail.properties.mail.smtp.ehlo", "false",
                "straitcheck.mail.outbox.send-every", "1h",
                "straitcheck.mail.reminders.enabled", "false");
    }

    /**
     * Works the outbox until the address has {@code count} mails, for at most a minute (other tests'
     * mail may be queued first, and the machine may be busy).
     */
    static List<MimeMessage> await(GreenMail smtp, OutboxWorker worker, String address, int count) {
        long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> got = received(smtp, address);
            if (got.size() >= count) {
                return got;
            }
            if (worker.sendDue() == 0) {
                sleep();
            }
        }
        throw new AssertionError("no mail for " + address);
    }

    static List<MimeMessage> received(GreenMail smtp, String address) {
        return smtp.findReceivedMessages(u -> u.getEmail().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)),
                m -> true).toList();
    }

    /** The link's path and query, to follow on the test's server. */
    static String link(MimeMessage mail) {
        Matcher m = LINK.matcher(text(mail));
        if (!m.find()) {
            throw new AssertionError("no reset link in: " + text(mail));
        }
        return m.group(1);
    }

    static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    b.append(text(multipart.getBodyPart(i)));
                }
                return b.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
