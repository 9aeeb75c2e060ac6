package dev.jmicro.logger.entries.control;

import com.mongodb.client.model.Filters;
import dev.jmicro.logger.entries.entity.LogEntry;
import dev.jmicro.support.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.Element;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The log book: stores entries (once per idempotency key), finds them, lists them newest first with filters, and
 * removes old ones. Every way in (REST, gRPC, the listener's batches) ends here.
 */
@ApplicationScoped
public class LogBook {

    private static final Sort<?>[] NEWEST_FIRST = {Sort.desc(LogEntry.CREATED_AT), Sort.desc("_id")};

    private final MongoDBTemplate template;
    private final MongoAdmin mongo;
    private final MetricRegistry metrics;
    private final Tracer tracer;
    private final Clock clock;

    // Looked up once and kept, by name and way in, as the broker's RouteMetrics keeps its counters: asking the
    // registry on every write built its tags each time (Micrometer's Tags were 4 % of the logger's allocations in a
    // profile of the listener's batches).
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** For CDI's proxy. */
    protected LogBook() {
        this(null, null, null, null);
    }

    @Inject
    public LogBook(MongoDBTemplate template, MongoAdmin mongo, MetricRegistry metrics, Tracer tracer) {
        this.template = template;
        this.mongo = mongo;
        this.metrics = metrics;
        this.tracer = tracer;
        this.clock = Clock.systemUTC();
    }

    /** Stores one entry; {@code via} names the way it came in, for the metrics. */
    public Stored write(NewEntry entry, String via) {
        long started = System.nanoTime();
        LogEntry fresh =
                new LogEntry(EntryIds.of(entry.key()), entry.name(), entry.data(), entry.level(), clock.instant());
        try {
            if (mongo.insertNew(fresh)) {
                count("logger.entries.stored", via, 1);
                return new Stored(fresh, false);
            }
            count("logger.entries.duplicates", via, 1);
            // Read back what is stored: a retry must answer like the first write did.
            return new Stored(template.find(LogEntry.class, fresh.id()).orElse(fresh), true);
        } finally {
            timed(via, started);
        }
    }

    /** What a batch did: entries written now, and entries skipped because their key was stored before. */
    public record BatchOutcome(int stored, int duplicates) {}

    /**
     * Stores a batch in one round trip; an entry already stored under its key is skipped, not an error. Jakarta
     * NoSQL writes a collection one document at a time, which made the logger the bottleneck of the event pipeline
     * (bench/PipelineBenchmark), so this one write goes to the driver as an unordered bulk insert.
     */
    public BatchOutcome writeAll(List<NewEntry> entries, String via) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<LogEntry> fresh = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            fresh.add(new LogEntry(EntryIds.of(entry.key()), entry.name(), entry.data(), entry.level(), now));
        }
        List<Span> spans = traced(entries);
        try {
            int duplicates = mongo.insertAllNew(fresh);
            count("logger.entries.stored", via, fresh.size() - duplicates);
            count("logger.entries.duplicates", via, duplicates);
            return new BatchOutcome(fresh.size() - duplicates, duplicates);
        } catch (RuntimeException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, "not stored"));
            throw e;
        } finally {
            spans.forEach(Span::end);
            timed(via, started);
        }
    }

    /**
     * One span per entry that carries its event's trace context, as a child of it: the batch call has a trace of its
     * own, but each event's trace goes on from publisher and listener into the logger this way.
     */
    private List<Span> traced(List<NewEntry> entries) {
        List<Span> spans = new ArrayList<>();
        for (NewEntry entry : entries) {
            if (entry.traceparent() != null) {
                spans.add(tracer.spanBuilder("store log entry")
                        .setParent(TraceParent.parentOf(entry.traceparent()))
                        .setSpanKind(SpanKind.INTERNAL)
                        .setAttribute("db.system", "mongodb")
                        .setAttribute("db.collection.name", LogEntry.COLLECTION)
                        .startSpan());
            }
        }
        return spans;
    }

    /** The entry with this id, if there is one. */
    public Optional<LogEntry> find(String id) {
        return template.find(LogEntry.class, id);
    }

    /** Whether the text could be an entry id at all; one that cannot is the client's mistake, not a missing entry. */
    public static boolean isEntryId(String text) {
        return EntryIds.isWellFormed(text);
    }

    /**
     * One page of the entries the query finds, and how many it finds in all. Every filter is written twice, side by
     * side: as Jakarta NoSQL's condition for the page, and as the driver's filter for the total. Jakarta NoSQL counts
     * a query by fetching every entry it finds ({@code DatabaseManager.count} is {@code select(query).count()}):
     * after a 10-minute soak one page's total fetched 200 000 entries, 48 MB, and failed on MongoDB's reply limit.
     * The driver's {@code countDocuments} counts inside MongoDB.
     */
    public LogPage search(LogQuery query) {
        List<CriteriaCondition> conditions = new ArrayList<>();
        List<Bson> filters = new ArrayList<>();
        if (query.text() != null) {
            // A literal substring (quoted into the regular expression): no operator of the user's applies.
            conditions.add(CriteriaCondition.or(
                    CriteriaCondition.contains(Element.of(LogEntry.NAME, query.text())),
                    CriteriaCondition.contains(Element.of(LogEntry.DATA, query.text()))));
            String literal = Pattern.quote(query.text());
            filters.add(Filters.or(Filters.regex(LogEntry.NAME, literal), Filters.regex(LogEntry.DATA, literal)));
        }
        if (query.name() != null) {
            conditions.add(CriteriaCondition.eq(LogEntry.NAME, query.name()));
            filters.add(Filters.eq(LogEntry.NAME, query.name()));
        }
        if (query.level() != null) {
            conditions.add(CriteriaCondition.eq(LogEntry.LEVEL, query.level().name()));
            filters.add(Filters.eq(LogEntry.LEVEL, query.level().name()));
        }
        if (query.from() != null) {
            conditions.add(CriteriaCondition.gte(LogEntry.CREATED_AT, Date.from(query.from())));
            filters.add(Filters.gte(LogEntry.CREATED_AT, Date.from(query.from())));
        }
        if (query.to() != null) {
            conditions.add(CriteriaCondition.lt(LogEntry.CREATED_AT, Date.from(query.to())));
            filters.add(Filters.lt(LogEntry.CREATED_AT, Date.from(query.to())));
        }
        SelectQuery.QueryBuilder select =
                SelectQuery.builder().from(LogEntry.COLLECTION).sort(NEWEST_FIRST);
        if (conditions.size() == 1) {
            select.where(conditions.get(0));
        } else if (conditions.size() > 1) {
            select.where(CriteriaCondition.and(conditions.toArray(CriteriaCondition[]::new)));
        }
        long total = template.count(LogEntry.COLLECTION, filters.isEmpty() ? Filters.empty() : Filters.and(filters));
        List<LogEntry> page = template.<LogEntry>select(select.skip((long) (query.page() - 1) * query.size())
                        .limit(query.size())
                        .build())
                .toList();
        return new LogPage(page, total);
    }

    /** Removes every entry created before the given time; returns how many. */
    public long deleteOlderThan(Instant cutoff) {
        long deleted = template.delete(LogEntry.class, Filters.lt(LogEntry.CREATED_AT, Date.from(cutoff)));
        metrics.counter("logger.entries.deleted").inc(deleted);
        return deleted;
    }

    private void count(String name, String via, long n) {
        counters.computeIfAbsent(name + " " + via, key -> metrics.counter(name, new Tag("via", via)))
                .inc(n);
    }

    private void timed(String via, long started) {
        timers.computeIfAbsent(via, key -> metrics.timer("logger.write.time", new Tag("via", via)))
                .update(Duration.ofNanos(System.nanoTime() - started));
    }
}
