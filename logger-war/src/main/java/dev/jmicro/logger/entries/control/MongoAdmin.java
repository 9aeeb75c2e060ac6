package dev.jmicro.logger.entries.control;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.jmicro.logger.entries.entity.LogEntry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What Jakarta NoSQL does not do: create the indexes the queries need and tell whether MongoDB answers. It uses its
 * own small client with short timeouts, so a readiness probe never waits long. Indexes are created at start and, if
 * MongoDB was down then, on the next readiness check that finds it up (creating an existing index does nothing).
 */
@ApplicationScoped
public class MongoAdmin {

    private static final Logger LOG = Logger.getLogger(MongoAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "jnosql.mongodb.url", defaultValue = "mongodb://localhost:27017")
    String url;

    @Inject
    @ConfigProperty(name = "jnosql.document.database", defaultValue = "logs")
    String database;

    private MongoClient client;
    private volatile boolean indexed;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(url))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
        try {
            ensureIndexes();
        } catch (RuntimeException e) {
            LOG.warning("MongoDB not reachable at start; indexes follow when it is: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    /** Pings MongoDB, then makes sure the indexes exist; throws when MongoDB does not answer. */
    public void check() {
        client.getDatabase(database).runCommand(new Document("ping", 1));
        if (!indexed) {
            ensureIndexes();
        }
    }

    /** Newest-first listing, alone or filtered by name or level; the time range rides on created_at in each. */
    private void ensureIndexes() {
        MongoCollection<Document> logs = client.getDatabase(database).getCollection("logs");
        logs.createIndex(Indexes.descending(LogEntry.CREATED_AT, "_id"), new IndexOptions().name("newest_first"));
        logs.createIndex(
                Indexes.compoundIndex(Indexes.ascending(LogEntry.NAME), Indexes.descending(LogEntry.CREATED_AT)),
                new IndexOptions().name("by_name"));
        logs.createIndex(
                Indexes.compoundIndex(Indexes.ascending(LogEntry.LEVEL), Indexes.descending(LogEntry.CREATED_AT)),
                new IndexOptions().name("by_level"));
        indexed = true;
    }
}
