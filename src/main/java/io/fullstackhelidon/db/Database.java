package io.fullstackhelidon.db;

import java.util.HashMap;
import java.util.Map;

import io.fullstackhelidon.config.DatabaseSettings;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;

/**
 * The database the service owns: migrated to the current schema, then reached through a pooled Helidon DbClient.
 */
public final class Database implements AutoCloseable {

    private final DbClient client;
    private final DatabaseSettings settings;

    private Database(DbClient client, DatabaseSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Waits for the database, migrates the schema (adopting a template database), then opens the pool. */
    public static Database open(DatabaseSettings settings) {
        DatabaseWait.untilReachable(settings);
        Migrations.migrate(settings);
        Map<String, String> entries = new HashMap<>();
        entries.put("source", "jdbc");
        entries.put("connection.url", settings.jdbcUrl());
        entries.put("connection.username", settings.username());
        entries.put("connection.password", settings.password());
        settings.poolProperties().forEach((name, value) -> entries.put("connection." + name, value));
        Config config = Config.just(ConfigSources.create(entries));
        return new Database(DbClient.create(config), settings);
    }

    public DbClient client() {
        return client;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.close();
    }
}
