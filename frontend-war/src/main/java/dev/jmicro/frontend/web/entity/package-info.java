/** What the pages share that is not a Faces component: where a list stands among its pages. */
package dev.jmicro.frontend.web.entity;
