package dev.jmicro.logger.entries.entity;

import jakarta.data.repository.DataRepository;
import java.util.Set;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * Tells Jakarta NoSQL our entities instead of letting it search for them. Its default scanner runs ClassGraph with
 * every detail enabled over the whole Liberty class path, which took seconds and more heap than the server has
 * (OutOfMemoryError at 192 MB). Registered in {@code META-INF/services}; the web module's own classes come before its
 * libraries, so this one is found first.
 */
public class KnownEntities implements ClassScanner {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(LogEntry.class);
    }

    @Override
    public Set<Class<?>> repositories() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> embeddables() {
        return Set.of();
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> type) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return Set.of();
    }
}
