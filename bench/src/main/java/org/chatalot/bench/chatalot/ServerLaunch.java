package org.chatalot.bench.chatalot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How to start our server after {@code java [options]}: from the built jar, or from a classpath (tests). */
public record ServerLaunch(List<String> arguments) {
    public static final String MAIN_CLASS = "org.chatalot.server.Main";

    /** {@code -jar server/target/chatalot-server.jar} of the repository; fails early when it is not built. */
    public static ServerLaunch jar(Path repo) {
        Path jar = repo.resolve("server/target/chatalot-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the server first: mvn -pl server -am package -DskipTests");
        }
        return new ServerLaunch(List.of("-jar", jar.toString()));
    }

    /** {@code -cp CLASSPATH org.chatalot.server.Main}. */
    public static ServerLaunch classpath(String classpath) {
        return new ServerLaunch(List.of("-cp", classpath, MAIN_CLASS));
    }
}
