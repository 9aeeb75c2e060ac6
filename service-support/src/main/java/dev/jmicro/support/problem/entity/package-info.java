/** The RFC 9457 problem document. */
package dev.jmicro.support.problem.entity;
