/**
 * Turning results into what people read: the results JSON, the marked sections of docs/performance.md, the
 * ratio table against the targets of issue 10, and the PNG charts under docs/images.
 */
package org.chatalot.bench.report;
