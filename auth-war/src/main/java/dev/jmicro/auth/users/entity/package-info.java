/** The persistent user. */
package dev.jmicro.auth.users.entity;
