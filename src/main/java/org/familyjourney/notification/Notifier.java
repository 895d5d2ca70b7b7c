package org.familyjourney.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobAncestry;
import org.familyjourney.processes.JobRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the emails of the journey, once per job and recipient however often the job is delivered.
 * Without an SMTP server (spring.mail.host unset) a message is kept as HELD, and the journey says
 * so, rather than silently dropped.
 */
@Service
public class Notifier {

    /** Recipient prefix for someone with no email address: the message is held for post. */
    public static final String NO_ADDRESS = "no-email-on-file:";

    private final JdbcTemplate jdbc;
    private final JobAncestry ancestry;
    private final ObjectProvider<JavaMailSender> mail;
    private final JourneyLog journey;
    private final Clock clock;
    private final String from;

    Notifier(JdbcTemplate jdbc, JobAncestry ancestry, ObjectProvider<JavaMailSender> mail, JourneyLog journey, Clock clock,
             @Value("${familyjourney.mail.from}") String from) {
        this.jdbc = jdbc;
        this.ancestry = ancestry;
        this.mail = mail;
        this.journey = journey;
        this.clock = clock;
        this.from = from;
    }

    public record Message(String caseReference, String recipient, String subject, String body, List<Attachment> attachments) {
        public Message(String caseReference, String recipient, String subject, String body) {
            this(caseReference, recipient, subject, body, List.of());
        }
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * Sends the message unless this job already sent it to this recipient. The notification row is
     * written first, as a claim: its unique key (engine generation, job, recipient) makes a second
     * delivery of the same job, on this instance or another, wait for the first to commit and then
     * do nothing. If sending fails, the claim rolls back with the job's transaction and the retry sends.
     */
    @Transactional
    public void send(Message message, JobRef job, String step) {
        boolean claimed = jdbc.update("""
                INSERT IGNORE INTO notification (case_reference, recipient, subject, status, created_at, engine_generation, job_key)
                VALUES (?, ?, ?, 'SENDING', ?, ?, ?)""", message.caseReference(), message.recipient(), message.subject(),
                Timestamp.from(clock.instant()), job.generation(), job.jobKey()) == 1;
        if (!claimed) {
            return;
        }
        if (sentByEarlierRun(job, message.recipient())) {
            // The step was re-created by recovery; its earlier job sent this already: no second email, no second row.
            jdbc.update("DELETE FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ?",
                    job.generation(), job.jobKey(), message.recipient());
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        boolean noAddress = message.recipient().startsWith(NO_ADDRESS);
        String status = sender == null || noAddress ? "HELD" : deliver(sender, message);
        jdbc.update("UPDATE notification SET status = ? WHERE engine_generation = ? AND job_key = ? AND recipient = ?",
                status, job.generation(), job.jobKey(), message.recipient());
        if (message.caseReference() != null) {
            journey.record(message.caseReference(), JourneyKind.NOTIFICATION_SENT, step, JourneyLog.SYSTEM,
                    (noAddress ? "Letter held to print and post (no email address on file): "
                            : "HELD".equals(status) ? "Email held (no mail server configured): " : "Email sent: ") + message.subject());
        }
    }

    /** A step re-created on a new engine run whose job there already sent this message. */
    private boolean sentByEarlierRun(JobRef job, String recipient) {
        return ancestry.of(job.generation(), job.jobKey()).stream().anyMatch(old -> {
            Integer sent = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ?",
                    Integer.class, old.generation(), old.jobKey(), recipient);
            return sent != null && sent > 0;
        });
    }

    private String deliver(JavaMailSender sender, Message message) {
        try {
            var mime = sender.createMimeMessage();
            var helper = new org.springframework.mail.javamail.MimeMessageHelper(mime, !message.attachments().isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            for (Attachment attachment : message.attachments()) {
                helper.addAttachment(attachment.fileName(),
                        new org.springframework.core.io.ByteArrayResource(attachment.content()), attachment.contentType());
            }
            sender.send(mime);
            return "SENT";
        } catch (MailException | jakarta.mail.MessagingException e) {
            // The job fails and is retried with backoff; the engine raises an incident if the server stays away.
            throw new IllegalStateException("The mail server did not take the message: " + e.getClass().getSimpleName(), e);
        }
    }
}
