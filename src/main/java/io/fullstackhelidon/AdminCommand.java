package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.db.DatabaseWait;
import io.fullstackhelidon.infra.db.Migrations;

/**
 * One-shot commands of the same artifact, for prestart jobs (compose, Kubernetes): {@code migrate} applies the
 * migrations and exits; {@code create-superuser} also creates {@code FIRST_SUPERUSER} unless it exists. Both are
 * idempotent and wait for the database like the server does.
 */
public enum AdminCommand {

    MIGRATE("migrate", "apply the database migrations, then exit") {
        @Override
        public void run(Settings settings) {
            DatabaseWait.untilReachable(settings.database());
            Migrations.Origin origin = Migrations.migrate(settings.database());
            LOGGER.log(Level.INFO, "Database migrated (" + origin + ")");
        }
    },
    CREATE_SUPERUSER("create-superuser", "apply the migrations and create FIRST_SUPERUSER unless it exists") {
        @Override
        public void run(Settings settings) {
            // the application as the server composes it, without the server: it migrates and creates the superuser
            App.create(settings, Clock.systemUTC()).close();
        }
    };

    private static final System.Logger LOGGER = System.getLogger(AdminCommand.class.getName());

    private final String argument;
    private final String description;

    AdminCommand(String argument, String description) {
        this.argument = argument;
        this.description = description;
    }

    /** Runs the command; failures propagate (the caller turns them into an exit status). */
    public abstract void run(Settings settings);

    /** The command named by a command-line argument, if any. */
    public static Optional<AdminCommand> named(String argument) {
        return Arrays.stream(values()).filter(command -> command.argument.equals(argument)).findFirst();
    }

    /** One line per command, for the usage message. */
    public static String usage() {
        StringBuilder text = new StringBuilder("usage: full-stack-helidon [serve | migrate | create-superuser]\n"
                                               + "  serve             run the server (the default)\n");
        for (AdminCommand command : values()) {
            text.append(String.format("  %-17s %s%n", command.argument, command.description));
        }
        return text.toString();
    }
}
