-- The job queue moves into the service's own schema (Flyway's default schema, where its history is), out of the
-- template's, where the template's Alembic would see it and offer to drop it. Its rows come along.
CREATE TABLE ${flyway:defaultSchema}.scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX ix_scheduled_tasks_execution_time ON ${flyway:defaultSchema}.scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON ${flyway:defaultSchema}.scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_execution_time
    ON ${flyway:defaultSchema}.scheduled_tasks (priority DESC, execution_time ASC);

INSERT INTO ${flyway:defaultSchema}.scheduled_tasks SELECT * FROM scheduled_tasks;
DROP TABLE scheduled_tasks;
