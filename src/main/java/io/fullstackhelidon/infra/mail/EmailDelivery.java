package io.fullstackhelidon.infra.mail;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

import io.fullstackhelidon.infra.config.JobSettings;
import io.fullstackhelidon.infra.config.MailSettings;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.MessagingException;

/**
 * The job that hands one e-mail to the SMTP server. A failed attempt is retried with exponential back-off (the first
 * after {@code jobs.first-retry-delay-seconds}, then twice as long each time) up to {@code jobs.max-retries} times,
 * then given up; each outcome is logged and counted.
 */
public final class EmailDelivery {

    static final String TASK_NAME = "send-email";
    private static final System.Logger LOGGER = System.getLogger(EmailDelivery.class.getName());

    private final SmtpTransport transport;
    private final OneTimeTask<EmailMessage> task;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public EmailDelivery(MailSettings mail, JobSettings jobs) {
        this.transport = new SmtpTransport(mail);
        this.task = Tasks.oneTime(TASK_NAME, EmailMessage.class)
                .onFailure(FailureHandler.<EmailMessage>maxRetries(jobs.maxRetries())
                                   .withBackoff(jobs.firstRetryDelay(), 2.0)
                                   .thenRemove(gaveUp -> {
                                       failed.incrementAndGet();
                                       LOGGER.log(Level.ERROR, "E-mail given up after " + (jobs.maxRetries() + 1)
                                                               + " attempts");
                                   }))
                .execute((job, context) -> deliver(job.getData(), context.getExecution().consecutiveFailures));
    }

    /** The task to register with the job queue. */
    public OneTimeTask<EmailMessage> task() {
        return task;
    }

    /** A job delivering {@code message}. */
    public TaskInstance<EmailMessage> job(String id, EmailMessage message) {
        return task.instance(id, message);
    }

    /** Messages the SMTP server accepted. */
    public long sentCount() {
        return sent.get();
    }

    /** Failed attempts that will be retried. */
    public long retriedCount() {
        return retried.get();
    }

    /** Messages given up after the last retry. */
    public long failedCount() {
        return failed.get();
    }

    private void deliver(EmailMessage message, int earlierFailures) {
        try {
            transport.deliver(message);
            sent.incrementAndGet();
            LOGGER.log(Level.INFO, "E-mail delivered" + (earlierFailures > 0 ? " after " + earlierFailures
                                                                                + " failed attempts" : ""));
        } catch (MessagingException | RuntimeException e) {
            retried.incrementAndGet();
            LOGGER.log(Level.WARNING, "E-mail delivery failed (attempt " + (earlierFailures + 1) + "): "
                                      + e.getMessage());
            throw new DeliveryFailedException(e);
        }
    }

    /** Tells the job queue that this attempt failed, so that it schedules the retry. */
    private static final class DeliveryFailedException extends RuntimeException {

        DeliveryFailedException(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
