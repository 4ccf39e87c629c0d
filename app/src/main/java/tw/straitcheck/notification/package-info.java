/**
 * Mail: what the platform tells schools, the ministry (教育部) and the MAC (陸委會), and when.
 *
 * <ul>
 * <li>{@link tw.straitcheck.notification.FilingMail}: every filing (handbook 參(三)) and a reviewer's
 *     decision are written to the {@code outbox} table inside the filing's own transaction.</li>
 * <li>{@link tw.straitcheck.notification.Reminders}: the daily post-activity report reminders,
 *     on the days of the rulebase's period {@code post-activity-reminders}.</li>
 * <li>{@link tw.straitcheck.notification.OutboxWorker}: sends PENDING mail over SMTP (Micronaut
 *     Email, JavaMail), each exactly once across app instances, with retries and back-off.</li>
 * <li>{@code GET /api/outbox}: the administrator's view of what is waiting, sent or failed.</li>
 * </ul>
 */
package tw.straitcheck.notification;
