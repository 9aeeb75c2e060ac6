package dev.jmicro.logger.entries.control;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import dev.jmicro.logger.entries.entity.LogEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one MongoDB client of the service. Jakarta NoSQL's own producer for the MongoDB manager has no scope, so its
 * template built a new manager, with a new client and connection pool, for every operation and never closed them:
 * the server ran out of heap after about 5 000 writes. This bean produces a single manager over one client instead
 * (the bean is an enabled alternative, so its producer wins over the library's). It also does what Jakarta NoSQL does not: create the
 * indexes the queries need and tell whether MongoDB answers, with short timeouts so a readiness probe never waits
 * long. Indexes are created at start and, if MongoDB was down then, on the next readiness check that finds it up
 * (creating an existing index does nothing).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class MongoAdmin {

    private static final Logger LOG = Logger.getLogger(MongoAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "jnosql.mongodb.url", defaultValue = "mongodb://localhost:27017")
    String url;

    @Inject
    @ConfigProperty(name = "jnosql.document.database", defaultValue = "logs")
    String database;

    private MongoClient client;
    private MongoDBDocumentManager manager;
    private volatile boolean indexed;

    @PostConstruct
    void connect() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(url))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
        manager = new MongoDBDocumentConfiguration().get(client).apply(database);
    }

    /** The manager Jakarta NoSQL's templates use: one for the application's lifetime. */
    @Produces
    @Singleton
    @Typed(MongoDBDocumentManager.class)
    MongoDBDocumentManager manager() {
        return manager;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
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

    /**
     * Inserts one entry; false, and nothing written, when its id is taken (its idempotency key was stored before).
     * Any other failure is thrown.
     */
    boolean insertNew(LogEntry entry) {
        try {
            logs().insertOne(document(entry));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts the entries in one unordered bulk write; an entry whose id is taken (its idempotency key was stored
     * before) is skipped. Returns how many were skipped. Any other failure is thrown: the caller's batch is retried.
     */
    int insertAllNew(List<LogEntry> entries) {
        List<Document> documents = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            documents.add(document(entry));
        }
        try {
            logs().insertMany(documents, new InsertManyOptions().ordered(false));
            return 0;
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> others = e.getWriteErrors().stream()
                    .filter(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)
                    .toList();
            if (!others.isEmpty() || e.getWriteConcernError() != null) {
                throw e;
            }
            return e.getWriteErrors().size();
        }
    }

    /**
     * The document Jakarta NoSQL's mapper would write for the entry; its reads map it back. Every write, one entry or
     * a batch, goes to the driver with this document: the mapper writes a batch one document at a time, and one way
     * for both keeps the stored shape in one place.
     */
    private static Document document(LogEntry entry) {
        return new Document("_id", entry.id())
                .append(LogEntry.NAME, entry.name())
                .append(LogEntry.DATA, entry.data())
                .append(LogEntry.LEVEL, entry.level())
                .append(LogEntry.CREATED_AT, Date.from(entry.createdAt()))
                .append(LogEntry.UPDATED_AT, Date.from(entry.updatedAt()));
    }

    private MongoCollection<Document> logs() {
        return client.getDatabase(database).getCollection(LogEntry.COLLECTION);
    }

    /** Newest-first listing, alone or filtered by name or level; the time range rides on created_at in each. */
    private void ensureIndexes() {
        MongoCollection<Document> logs = logs();
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
