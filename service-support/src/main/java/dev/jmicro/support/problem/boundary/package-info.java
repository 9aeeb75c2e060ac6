/** Exception mappers that turn every failure into an {@code application/problem+json} answer. */
package dev.jmicro.support.problem.boundary;
