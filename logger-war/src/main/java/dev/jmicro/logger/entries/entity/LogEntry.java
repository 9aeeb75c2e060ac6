package dev.jmicro.logger.entries.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.Date;

/**
 * One log entry. The timestamps are {@link Date}s because JNoSQL stores {@code Instant} as a string, which would
 * sort wrongly; a {@code Date} becomes a BSON date. The id is chosen by the logger (see {@code EntryIds}), so the
 * same idempotency key always lands on the same document.
 */
@Entity(LogEntry.COLLECTION)
public class LogEntry {

    /** The collection, for the mapper and for the driver's own writes, counts and indexes. */
    public static final String COLLECTION = "logs";

    /** The field names in MongoDB, for the queries, the indexes and the writes that bypass the mapper. */
    public static final String NAME = "name";

    public static final String DATA = "data";
    public static final String LEVEL = "level";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";

    @Id
    private String id;

    @Column(NAME)
    private String name;

    @Column(DATA)
    private String data;

    @Column(LEVEL)
    private String level;

    @Column(CREATED_AT)
    private Date createdAt;

    @Column(UPDATED_AT)
    private Date updatedAt;

    /** For the mapper. */
    public LogEntry() {}

    public LogEntry(String id, String name, String data, Level level, Instant at) {
        this.id = id;
        this.name = name;
        this.data = data;
        this.level = level.name();
        this.createdAt = Date.from(at);
        this.updatedAt = Date.from(at);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String data() {
        return data;
    }

    public String level() {
        return level;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
