/** A small chart of one series, drawn on the server as an SVG polyline. */
package dev.jmicro.frontend.status.entity;
