package org.chatalot.admin.about;

import java.util.List;

import org.chatalot.model.ProductVersion;

/**
 * What the About box says: the product version (the same for server, installer and app) and the runtime the
 * app runs on, which is the one bundled into the installed app rather than any JDK on the machine.
 *
 * @param version     the product version, e.g. {@code 0.2.0}
 * @param javaRuntime the Java runtime's vendor and version
 * @param javaFx      the JavaFX runtime version
 * @param system      operating system and architecture
 */
public record About(String version, String javaRuntime, String javaFx, String system) {

    public static About ofThisApp() {
        return new About(ProductVersion.current(),
                System.getProperty("java.vendor", "?") + " " + System.getProperty("java.runtime.version", "?"),
                System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " ("
                        + System.getProperty("os.arch", "?") + ")");
    }

    /** "Chatalot Admin 0.2.0": the window title and the About box's heading. */
    public String title() {
        return "Chatalot Admin " + version;
    }

    /** Label and value pairs, in the order shown. */
    public List<List<String>> details() {
        return List.of(List.of("Version", version), List.of("Java runtime", javaRuntime),
                List.of("JavaFX", javaFx), List.of("System", system));
    }
}
