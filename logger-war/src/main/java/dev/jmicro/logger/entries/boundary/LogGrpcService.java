package dev.jmicro.logger.entries.boundary;

import dev.jmicro.logger.entries.control.LogBook;
import dev.jmicro.logger.entries.control.NewEntry;
import dev.jmicro.logger.entries.entity.Level;
import dev.jmicro.logger.grpc.Log;
import dev.jmicro.logger.grpc.LogRequest;
import dev.jmicro.logger.grpc.LogResponse;
import dev.jmicro.logger.grpc.LogServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.logging.Logger;

/**
 * The original gRPC {@code logs.LogService/WriteLog}, served by {@link LogGrpcServer}. It checks the
 * entry like the REST paths do: a bad one is {@code INVALID_ARGUMENT}, a database failure {@code UNAVAILABLE}
 * (callers may retry), never a stack trace.
 */
public class LogGrpcService extends LogServiceGrpc.LogServiceImplBase {

    private static final Logger LOG = Logger.getLogger(LogGrpcService.class.getName());

    private final LogBook book;

    LogGrpcService(LogBook book) {
        this.book = book;
    }

    @Override
    public void writeLog(LogRequest request, StreamObserver<LogResponse> response) {
        Log log = request.getLogEntry();
        String level = GrpcMetadata.LEVEL.get();
        String key = GrpcMetadata.KEY.get();
        String problem = problemWith(log, level, key);
        if (problem != null) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(problem).asRuntimeException());
            return;
        }
        try {
            book.write(
                    new NewEntry(
                            log.getName(), log.getData(), Level.parse(level).orElse(Level.INFO), key),
                    "grpc");
        } catch (RuntimeException e) {
            LOG.warning("gRPC write not stored: " + e);
            response.onError(Status.UNAVAILABLE
                    .withDescription("log entry not stored, try again")
                    .asRuntimeException());
            return;
        }
        response.onNext(LogResponse.newBuilder().setResult("logged!").build());
        response.onCompleted();
    }

    /** The limits of the REST paths, by the same rules; null when the entry is fine. */
    private static String problemWith(Log log, String level, String key) {
        if (EntryRequest.isBlank(log.getName())) {
            return "logEntry.name: must not be blank";
        }
        if (log.getName().length() > NewEntry.MAX_NAME) {
            return "logEntry.name: at most " + NewEntry.MAX_NAME + " characters";
        }
        if (log.getData().length() > NewEntry.MAX_DATA) {
            return "logEntry.data: at most " + NewEntry.MAX_DATA + " characters";
        }
        if (level != null && !EntryRequest.isLevel(level)) {
            return "log-level: must be INFO, WARNING or ERROR";
        }
        if (key != null && !EntryRequest.isKey(key)) {
            return "log-idempotency-key: 1 to " + NewEntry.MAX_KEY + " characters";
        }
        return null;
    }
}
