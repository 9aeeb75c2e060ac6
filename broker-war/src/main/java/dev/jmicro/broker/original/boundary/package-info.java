/** The original system's contract: {@code POST /}, {@code /handle} and {@code /log-grpc} with its envelope. */
package dev.jmicro.broker.original.boundary;
