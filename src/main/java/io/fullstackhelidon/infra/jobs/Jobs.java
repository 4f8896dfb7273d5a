package io.fullstackhelidon.infra.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.fullstackhelidon.infra.config.JobSettings;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.security.SealedData;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The durable job queue: db-scheduler over table {@link #TABLE} (created by Flyway). A job is a row, written
 * in the caller's request and so kept across restarts; every instance polls the table, and an optimistic lock on the
 * row lets exactly one of them run each job. A job whose instance died while running it (no heartbeat) is run again,
 * so delivery is at least once across crashes and exactly once otherwise.
 */
public final class Jobs implements AutoCloseable {

    /** In the service's own schema, apart from the template's tables. */
    public static final String TABLE = Migrations.SERVICE_SCHEMA + ".scheduled_tasks";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final Supplier<DataSource> dataSource;
    private final JobSettings settings;
    private final SealedData seal;
    private final List<Task<?>> tasks;
    /** db-scheduler asks its data source for a connection as it is built: not before the first use. */
    private final ReentrantLock building = new ReentrantLock();
    private volatile Scheduler scheduler;

    /**
     * {@code seal} encrypts every job's data before it is written; {@code dataSource} is asked for at the first use
     * (start or enqueue), so that the queue can be wired while its database is still opening.
     */
    public Jobs(Supplier<DataSource> dataSource, JobSettings settings, SealedData seal, List<Task<?>> tasks) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.seal = seal;
        this.tasks = List.copyOf(tasks);
    }

    /** Starts running due jobs, this instance's and those other instances left. */
    public void start() {
        scheduler().start();
    }

    /** Stores {@code job} to run as soon as possible; it is durable once this returns. */
    public <T> void enqueue(TaskInstance<T> job) {
        scheduler().schedule(job, Instant.now());
    }

    /** A new unique job id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Lets running jobs finish (up to 10 s); the rest stay in the table for the next start. */
    @Override
    public void close() {
        Scheduler built = scheduler;
        if (built != null) {
            built.stop();
        }
    }

    private Scheduler scheduler() {
        Scheduler built = scheduler;
        if (built != null) {
            return built;
        }
        building.lock();
        try {
            if (scheduler == null) {
                scheduler = build();
            }
            return scheduler;
        } finally {
            building.unlock();
        }
    }

    private Scheduler build() {
        return Scheduler.create(dataSource.get(), tasks)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(30))
                .serializer(new SealedJsonTaskData(seal))
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .shutdownMaxWait(SHUTDOWN_WAIT)
                // each task logs its own failures, without a stack trace per attempt
                .failureLogging(LogLevel.DEBUG, false)
                .build();
    }

    /** Host, process and a random part, so that instances in one host or JVM tell apart in {@code picked_by}. */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
