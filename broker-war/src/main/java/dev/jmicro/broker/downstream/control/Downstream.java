package dev.jmicro.broker.downstream.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the service a gateway class calls, for the 503 problem its fallback answers with ({@link DependencyDown}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Downstream {

    /** The dependency's name as clients and operators see it: {@code auth}, {@code logger}, {@code mail}, … */
    String value();
}
