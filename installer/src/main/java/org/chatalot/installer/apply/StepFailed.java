package org.chatalot.installer.apply;

/** A step ran and failed (e.g. nginx -t rejected the site); the message includes the tool's output. */
public final class StepFailed extends RuntimeException {
    public StepFailed(String message) {
        super(message);
    }
}
