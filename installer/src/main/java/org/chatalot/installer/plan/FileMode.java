package org.chatalot.installer.plan;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** How a written file may be read: configs are world-readable, secrets owner-only, scripts executable. */
public enum FileMode {
    PUBLIC("rw-r--r--"),
    SECRET("rw-------"),
    EXECUTABLE("rwxr-xr-x");

    private final String symbolic;

    FileMode(String symbolic) {
        this.symbolic = symbolic;
    }

    public Set<PosixFilePermission> permissions() {
        return PosixFilePermissions.fromString(symbolic);
    }

    /** e.g. {@code 600}, as chmod and the dry-run output show it. */
    public String octal() {
        int bits = 0;
        for (PosixFilePermission permission : permissions()) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return Integer.toOctalString(bits);
    }

    public boolean isSecret() {
        return this == SECRET;
    }
}
