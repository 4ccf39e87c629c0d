/**
 * Mail: what the platform tells schools, the ministry (教育部) and the MAC (陸委會), and when.
 *
 * <ul>
 * <li>{@link tw.straitcheck.notification.FilingMail}: every filing (handbook 參(三)) and a reviewer's
 *     decision are written to the {@code outbox} table inside the filing's own transaction.</li>
 * <li>{@link tw.straitcheck.notification.Reminders}: the daily post-activity report reminders,
 *     on the days and with the due date of the record's stored {@code OBL.POST_ACTIVITY_REPORT} finding.</li>
 * <li>What the mails say: subjects in the message bundles ({@code i18n/messages_*.properties}),
 *     bodies in the text templates {@code mail/filed.txt}, {@code decided.txt}, {@code reminder.txt}.</li>
 * <li>{@link tw.straitcheck.notification.OutboxWorker}: sends PENDING mail over SMTP (Micronaut
 *     Email, JavaMail), each exactly once across app instances, with retries and back-off.</li>
 * <li>{@code GET /api/outbox}: the administrator's view of what is waiting, sent or failed.</li>
 * </ul>
 */
package tw.straitcheck.notification;
