package dev.jmicro.mail.send.control;

import dev.jmicro.mail.send.entity.Delivery;
import dev.jmicro.mail.send.entity.Delivery.State;
import dev.jmicro.mail.send.entity.MailOrder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable outbox: every accepted mail order is a JSON file in the directory of its state ({@code pending/},
 * {@code sending/}, {@code sent/}, {@code failed/}), so nothing accepted is lost when the SMTP server or this service
 * is down. Files are written to a temporary name and renamed, so a reader never sees half a file. In a container the
 * directory is a volume.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Path root;
    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    public Outbox(@ConfigProperty(name = "mail.outbox.dir") String dir) {
        this.root = Path.of(dir).toAbsolutePath();
    }

    /** Needed by CDI to proxy the bean; never used directly. */
    protected Outbox() {
        this.root = null;
    }

    /**
     * Creates the directories and settles what a crash left behind. A mail found in {@code sending/} may or may not
     * have reached the SMTP server; it is recorded as failed rather than sent twice (at most once per request id).
     */
    @PostConstruct
    void open() {
        try {
            for (State state : State.values()) {
                Files.createDirectories(dir(state));
            }
            for (Delivery interrupted : list(State.SENDING)) {
                move(interrupted, interrupted.failed("interrupted while sending; not retried, to send at most once"));
                LOG.warning("mail " + interrupted.id() + " was being sent when the service stopped; marked failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox at " + root, e);
        }
    }

    /**
     * Keeps a new order, or returns what is known of an earlier order with the same id: the same request id never
     * makes a second mail.
     */
    public synchronized Delivery accept(MailOrder order) {
        Optional<Delivery> known = find(order.id());
        if (known.isPresent()) {
            return known.get();
        }
        Delivery delivery = Delivery.accepted(order);
        write(delivery);
        return delivery;
    }

    /** The order with this id in whatever state it is; a finished state wins over an unfinished one. */
    public Optional<Delivery> find(String id) {
        for (State state : List.of(State.SENT, State.FAILED, State.SENDING, State.PENDING)) {
            Path file = file(state, id);
            if (Files.exists(file)) {
                try {
                    return Optional.of(read(file));
                } catch (UncheckedIOException gone) {
                    // Moved on between the check and the read: look again in the next state.
                }
            }
        }
        return Optional.empty();
    }

    /** Pending orders whose next attempt is due, oldest first. */
    public List<Delivery> due(Instant now) {
        return list(State.PENDING).stream()
                .filter(d -> !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(d -> d.order().acceptedAt()))
                .toList();
    }

    /** Marks an order as being sent; false if it is no longer pending. */
    public synchronized boolean claim(Delivery delivery) {
        if (!Files.exists(file(State.PENDING, delivery.id()))) {
            return false;
        }
        move(delivery, delivery.in(State.SENDING));
        return true;
    }

    /** Records the outcome of an attempt on a claimed order. */
    public synchronized void settle(Delivery claimed, Delivery outcome) {
        move(claimed.in(State.SENDING), outcome);
    }

    /** Orders not yet sent or failed. */
    public long backlog() {
        return count(State.PENDING) + count(State.SENDING);
    }

    public boolean writable() {
        return Files.isWritable(dir(State.PENDING));
    }

    private void move(Delivery from, Delivery to) {
        write(to);
        try {
            Files.deleteIfExists(file(from.state(), from.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + from.id() + " from " + from.state(), e);
        }
    }

    private void write(Delivery delivery) {
        Path target = file(delivery.state(), delivery.id());
        Path temporary = target.resolveSibling("." + delivery.id() + ".tmp");
        try {
            Files.writeString(temporary, jsonb.toJson(delivery));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mail " + delivery.id() + " to the outbox", e);
        }
    }

    private Delivery read(Path file) {
        try {
            return jsonb.fromJson(Files.readString(file), Delivery.class);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private List<Delivery> list(State state) {
        List<Delivery> deliveries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir(state))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList()) {
                try {
                    deliveries.add(read(file));
                } catch (UncheckedIOException gone) {
                    // Claimed or settled meanwhile.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outbox", e);
        }
        return deliveries;
    }

    private long count(State state) {
        try (Stream<Path> files = Files.list(dir(state))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path dir(State state) {
        return root.resolve(state.name().toLowerCase(Locale.ROOT));
    }

    /** Ids are checked at the edge to be file-name safe ({@code [A-Za-z0-9._-]}, not starting with a dot). */
    private Path file(State state, String id) {
        return dir(state).resolve(id + ".json");
    }
}
