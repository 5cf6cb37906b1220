package org.chatalot.installer.exec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A program and its arguments, never a shell string, so a domain or path with odd characters cannot
 * inject anything. {@link #display()} quotes it the way a user would type it.
 */
public record Command(List<String> argv, Map<String, String> environment) {

    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of());
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of());
    }

    public Command withEnvironment(String name, String value) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.put(name, value);
        return new Command(argv, merged);
    }

    public String display() {
        String env = environment.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue()) + " ")
                .sorted().collect(Collectors.joining());
        return env + argv.stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
