package org.chatalot.admin.doctor;

import java.util.List;
import java.util.Locale;

/** Whether a certificate's subject alternative names cover a host, with single-label wildcards as in RFC 6125. */
final class HostNames {
    private HostNames() {
    }

    static boolean matches(String host, List<String> names) {
        String wanted = host.toLowerCase(Locale.ROOT);
        for (String entry : names) {
            String name = entry.substring(entry.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (name.equals(wanted)) {
                return true;
            }
            if (name.startsWith("*.") && wanted.indexOf('.') > 0
                    && wanted.substring(wanted.indexOf('.')).equals(name.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
