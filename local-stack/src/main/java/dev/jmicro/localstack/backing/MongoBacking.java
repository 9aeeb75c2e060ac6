package dev.jmicro.localstack.backing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetAddress;
import java.util.Map;

/**
 * A MongoDB wire-protocol server in memory (mongo-java-server) for the logger. The real MongoDB runs in the
 * containers; the logger cannot tell the difference for what it does.
 */
public final class MongoBacking implements BackingService {

    private final MemoryBackend data = new KeptInMemory();
    private final InetAddress host;
    private final int port;
    private MongoServer server;

    private MongoBacking(InetAddress host, int port) {
        this.host = host;
        this.port = port;
    }

    /** On loopback, for the local run and the tests. */
    public static MongoBacking start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /** On the given address: every address in the containers' stand-in image. */
    public static MongoBacking start(InetAddress host, int port) {
        MongoBacking mongo = new MongoBacking(host, port);
        mongo.resume();
        return mongo;
    }

    /** Stops answering, as a crashed database would; the data stays for {@link #resume()}. */
    public synchronized void pause() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Answers again on the same port, with the data it had. */
    public synchronized void resume() {
        if (server == null) {
            server = new MongoServer(data);
            server.bind(host.getHostAddress(), port);
        }
    }

    public String url() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public Backing kind() {
        return Backing.MONGO;
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public String describe() {
        return url() + " (in memory)";
    }

    @Override
    public Map<String, String> environment() {
        // Short timeouts: a write fails fast (and is retried by its caller) while the database is away.
        return Map.of(
                "JNOSQL_MONGODB_URL",
                url() + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000",
                "JNOSQL_DOCUMENT_DATABASE",
                "logs");
    }

    @Override
    public void close() {
        pause();
    }

    /**
     * The data outlives a {@link #pause}, as a real MongoDB's does: MongoServer closes its backend when it shuts down,
     * and MemoryBackend's close forgets every database.
     */
    private static final class KeptInMemory extends MemoryBackend {
        @Override
        public void close() {}
    }
}
