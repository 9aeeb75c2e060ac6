package dev.jmicro.localstack.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Implementations of interfaces that do nothing, for unit tests of logic that reports as it goes (a metric registry,
 * say) but whose reports are not what is tested: every method returns zero, false, null, or a stub of an interface
 * it returns.
 */
public final class Stubs {

    private static final Map<Class<?>, Object> ZEROS = Map.of(
            boolean.class,
            false,
            int.class,
            0,
            long.class,
            0L,
            double.class,
            0.0,
            float.class,
            0.0f,
            short.class,
            (short) 0,
            byte.class,
            (byte) 0,
            char.class,
            '\0');

    private Stubs() {}

    public static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returned = method.getReturnType();
            if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                return "stub " + type.getSimpleName();
            }
            if (returned.isPrimitive()) {
                return ZEROS.get(returned);
            }
            return returned.isInterface() ? nothing(returned) : null;
        }));
    }
}
