package dev.jmicro.listener.events.control;

import dev.jmicro.listener.events.entity.LogEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gathers events into batches for the logger: one HTTP call stores up to {@code listener.batch.max-size} events, so
 * the pipeline keeps up with the broker. A batch goes out when it is full or {@code listener.batch.linger} after its
 * first event. Each event's {@code stored} future completes only after the logger confirmed it, and only then is its
 * message acknowledged. A batch the logger cannot take (down, timing out, circuit open) is retried, with a pause that
 * doubles up to {@code listener.retry.max-pause}, for as long as it takes; meanwhile the buffer fills and the consumer
 * stops taking messages, which then wait in the durable queue.
 */
@ApplicationScoped
public class EventBatcher {

    private static final Logger LOG = Logger.getLogger(EventBatcher.class.getName());
    private static final CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    /** An event waiting for the logger, and whom to tell when it is stored (or dead-lettered). */
    private record Pending(LogEvent event, CompletableFuture<Outcome> done) {}

    /** What became of an event: stored (or found stored already), or refused for good with a reason. */
    public record Outcome(boolean stored, String refusal) {}

    @Resource
    ManagedThreadFactory threads;

    @Inject
    LogWriter writer;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "listener.batch.max-size", defaultValue = "500")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "listener.batch.linger", defaultValue = "PT0.005S")
    Duration linger;

    @Inject
    @ConfigProperty(name = "listener.buffer", defaultValue = "2000")
    int capacity;

    @Inject
    @ConfigProperty(name = "listener.retry.max-pause", defaultValue = "PT10S")
    Duration maxPause;

    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Deque<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private int inFlight;
    private volatile boolean running;
    private Thread worker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        running = true;
        worker = threads.newThread(this::writeLoop);
        worker.setName("log-event-batcher");
        worker.start();
        metrics.gauge("listener.events.buffered", this, EventBatcher::buffered);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /**
     * Takes an event. {@code done} completes when the logger has it (or refused it for good). The returned stage
     * completes when the buffer has room for the next event: the consumer waits on it, which is the backpressure.
     */
    public synchronized CompletionStage<Void> submit(LogEvent event, CompletableFuture<Outcome> done) {
        queue.addLast(new Pending(event, done));
        notifyAll();
        if (queue.size() + inFlight < capacity) {
            return ROOM;
        }
        CompletableFuture<Void> room = new CompletableFuture<>();
        waitingForRoom.addLast(room);
        return room;
    }

    synchronized long buffered() {
        return queue.size() + inFlight;
    }

    private void writeLoop() {
        long pauseMs = 0;
        List<Pending> batch = List.of();
        while (running) {
            try {
                if (batch.isEmpty()) {
                    batch = nextBatch();
                }
                if (pauseMs > 0) {
                    Thread.sleep(pauseMs);
                }
                deliver(batch);
                release(batch.size()).forEach(room -> room.complete(null));
                batch = List.of();
                pauseMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The logger is down, slow or its circuit is open: keep the batch, try again later.
                metrics.counter("listener.events.retried").inc(batch.size());
                pauseMs = Math.min(Math.max(250, pauseMs * 2), maxPause.toMillis());
                LOG.warning("logger did not take " + batch.size() + " events, retrying in " + pauseMs + " ms: " + e);
            }
        }
    }

    /** Waits for a first event, then up to the linger time for more, up to a full batch. */
    private synchronized List<Pending> nextBatch() throws InterruptedException {
        while (queue.isEmpty()) {
            wait();
        }
        long deadline = System.nanoTime() + linger.toNanos();
        while (queue.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        int size = Math.min(maxBatch, queue.size());
        List<Pending> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(queue.removeFirst());
        }
        inFlight += size;
        return batch;
    }

    /**
     * Stores a batch. A 4xx answer means some entry breaks a rule of the logger that the decoder does not know:
     * the entries then go one by one, so only the refused ones are dead-lettered.
     */
    private void deliver(List<Pending> batch) {
        long started = System.nanoTime();
        try {
            LoggerClient.BatchResult result = writer.write(entries(batch));
            metrics.counter("listener.events.stored").inc(result.stored());
            metrics.counter("listener.events.duplicates").inc(result.duplicates());
            batch.forEach(pending -> pending.done().complete(new Outcome(true, null)));
        } catch (ClientErrorException refused) {
            if (batch.size() == 1) {
                batch.get(0).done().complete(new Outcome(false, refused.getMessage()));
                return;
            }
            for (Pending pending : batch) {
                deliver(List.of(pending));
            }
        } finally {
            metrics.timer("listener.write.time").update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static List<LoggerClient.Entry> entries(List<Pending> batch) {
        List<LoggerClient.Entry> entries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            LogEvent event = pending.event();
            entries.add(new LoggerClient.Entry(
                    event.name(), event.data(), event.level(), event.key(), event.traceparent()));
        }
        return entries;
    }

    /**
     * Frees buffer room for the events just settled; returns the consumers' waits to complete, which the caller
     * does outside the lock (completing one runs the consumer's next step).
     */
    private synchronized List<CompletableFuture<Void>> release(int settled) {
        inFlight -= settled;
        List<CompletableFuture<Void>> rooms = new ArrayList<>();
        while (!waitingForRoom.isEmpty() && queue.size() + inFlight + rooms.size() < capacity) {
            rooms.add(waitingForRoom.removeFirst());
        }
        return rooms;
    }
}
