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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate afterCommit;

    Notifier(JdbcTemplate jdbc, JobAncestry ancestry, ObjectProvider<JavaMailSender> mail, JourneyLog journey, Clock clock,
             @Value("${familyjourney.mail.from}") String from, PlatformTransactionManager transactions) {
        // Delivery runs after the step's transaction committed, so it needs one of its own.
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
     * written first, in the step's transaction, as a claim: its unique key (engine generation, job,
     * recipient) makes a second delivery of the same job, on this instance or another, wait for the
     * first to commit. The email itself goes only once the step's changes are committed: an email cannot
     * be taken back, so sending it inside a transaction that then rolls back (a deadlock, a lost
     * connection) sent it a second time when the job was retried. If sending fails, the step's changes
     * stand, the claim stays unsent and the job's retry sends it.
     */
    @Transactional
    public void send(Message message, JobRef job, String step) {
        boolean claimed = jdbc.update("""
                INSERT IGNORE INTO notification (case_reference, recipient, subject, status, created_at, engine_generation, job_key,
                    journaled) VALUES (?, ?, ?, 'SENDING', ?, ?, ?, FALSE)""", message.caseReference(), message.recipient(), message.subject(),
                Timestamp.from(clock.instant()), job.generation(), job.jobKey()) == 1;
        if (claimed && sentByEarlierRun(job, message.recipient())) {
            // The step was re-created by recovery; its earlier job sent this already: no second email, no second row.
            jdbc.update("DELETE FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ?",
                    job.generation(), job.jobKey(), message.recipient());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // Thrown from here, a failure reaches the worker, so the job fails and is retried.
                deliverClaimed(message, job, step);
            }
        });
    }

    /**
     * Delivers a committed claim that is still unsent, then writes it to the journey log. The row is
     * locked while the email goes, so of two deliveries of one job racing here the second finds it
     * sent and does nothing. The journey entry is a transaction of its own: were it in the delivery's
     * transaction, failing to write it (a deadlock on the log's chain head, a lost connection) would roll
     * back the record of an email already gone, and the retry would send it again. A retry writes a
     * missing entry.
     */
    private void deliverClaimed(Message message, JobRef job, String step) {
        afterCommit.executeWithoutResult(tx -> {
            List<String> status = jdbc.queryForList("""
                    SELECT status FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ? FOR UPDATE""",
                    String.class, job.generation(), job.jobKey(), message.recipient());
            if (!status.equals(List.of("SENDING"))) {
                return;
            }
            JavaMailSender sender = mail.getIfAvailable();
            String outcome = sender == null || message.recipient().startsWith(NO_ADDRESS) ? "HELD" : deliver(sender, message);
            jdbc.update("""
                    UPDATE notification SET status = ?, journaled = FALSE
                    WHERE engine_generation = ? AND job_key = ? AND recipient = ?""",
                    outcome, job.generation(), job.jobKey(), message.recipient());
        });
        if (message.caseReference() != null) {
            afterCommit.executeWithoutResult(tx -> journal(message, job, step, tx));
        }
    }

    private void journal(Message message, JobRef job, String step, TransactionStatus tx) {
        String held = message.recipient().startsWith(NO_ADDRESS) ? "Letter held to print and post (no email address on file): "
                : "Email held (no mail server configured): ";
        List<String> outcome = jdbc.queryForList("""
                SELECT status FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ? AND journaled = FALSE""",
                String.class, job.generation(), job.jobKey(), message.recipient());
        if (outcome.isEmpty()) {
            return;
        }
        journey.record(message.caseReference(), JourneyKind.NOTIFICATION_SENT, step, JourneyLog.SYSTEM,
                ("HELD".equals(outcome.getFirst()) ? held : "Email sent: ") + message.subject());
        int marked = jdbc.update("""
                UPDATE notification SET journaled = TRUE WHERE engine_generation = ? AND job_key = ? AND recipient = ? AND journaled = FALSE""",
                job.generation(), job.jobKey(), message.recipient());
        if (marked == 0) {
            // A racing delivery of the same job wrote it meanwhile: this entry would be its double.
            tx.setRollbackOnly();
        }
    }

    /**
     * Whether a job of an earlier engine run that this re-created step stands for claimed any message.
     * A letter step claims all its letters in one transaction, so they went then, to whoever the case
     * named at the time: asked per recipient instead, a contact edited since would get a second letter.
     */
    public boolean claimedByEarlierRun(JobRef job) {
        return ancestry.of(job.generation(), job.jobKey()).stream().anyMatch(old -> {
            // A claim still SENDING never went (its delivery failed before the engine was replaced): send it now.
            Integer claimed = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification WHERE engine_generation = ? AND job_key = ? AND status <> 'SENDING'",
                    Integer.class, old.generation(), old.jobKey());
            return claimed != null && claimed > 0;
        });
    }

    /** A step re-created on a new engine run whose job there already sent this message. */
    private boolean sentByEarlierRun(JobRef job, String recipient) {
        return ancestry.of(job.generation(), job.jobKey()).stream().anyMatch(old -> {
            Integer sent = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification WHERE engine_generation = ? AND job_key = ? AND recipient = ? AND status <> 'SENDING'",
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
