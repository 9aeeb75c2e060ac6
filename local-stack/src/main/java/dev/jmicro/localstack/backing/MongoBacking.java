package dev.jmicro.localstack.backing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;

/**
 * A MongoDB wire-protocol server in memory (mongo-java-server) for the logger. The real MongoDB runs in the
 * containers; the logger cannot tell the difference for what it does.
 */
public final class MongoBacking implements BackingService {

    private final MongoServer server;
    private final int port;

    private MongoBacking(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoBacking start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new MongoBacking(server, port);
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
        return Map.of("JNOSQL_MONGODB_URL", url(), "JNOSQL_DOCUMENT_DATABASE", "logs");
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
