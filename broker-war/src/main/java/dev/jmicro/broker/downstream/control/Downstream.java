package dev.jmicro.broker.downstream.control;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods call another service, and names it: every failure of such a call that is not the
 * dependency's refusal leaves the class as a {@link DependencyUnavailable} naming it ({@link DependencyGuard}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Downstream {

    /** The dependency's name as clients and operators see it: {@code auth}, {@code logger}, {@code mail}, … */
    @Nonbinding
    String value();
}
