package io.fullstackhelidon.infra.mail;

import io.fullstackhelidon.infra.jobs.Jobs;

/**
 * Sends e-mail through the durable job queue: {@link #send} only writes the job (a row in the service's database),
 * so the HTTP answer never waits for the SMTP server, and a message survives a restart until it is delivered.
 */
public final class QueuedMailer implements Mailer {

    private final Jobs jobs;
    private final EmailDelivery delivery;

    public QueuedMailer(Jobs jobs, EmailDelivery delivery) {
        this.jobs = jobs;
        this.delivery = delivery;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void send(EmailMessage message) {
        jobs.enqueue(delivery.job(Jobs.newId(), message));
    }
}
