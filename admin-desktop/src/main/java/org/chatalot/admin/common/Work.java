package org.chatalot.admin.common;

/** A piece of blocking work (a network call, a file write) that the {@link TaskRunner} runs off the FX thread. */
@FunctionalInterface
public interface Work<T> {
    T call() throws Exception;
}
