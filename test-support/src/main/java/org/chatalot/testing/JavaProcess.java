package org.chatalot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running one of our main classes on the test classpath, for what must happen in a real
 * separate process: {@code kill -9}, SIGTERM, exit codes, cold start. Output goes to a file so a test
 * can wait for a line without a reader thread.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with the current classpath, the given JVM options, environment and args. */
    public static JavaProcess start(String mainClass, List<String> jvmOptions, Map<String, String> environment,
                                    List<String> args, Path workDir) throws IOException {
        TestPhase.requireIntegration("a child JVM (JavaProcess)");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(workDir);
        Path output = Files.createTempFile(workDir, "process-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JavaProcess(builder.start(), output);
    }

    /** Waits until the output contains a line matching {@code condition}; fails with the output if not. */
    public String awaitLine(Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (condition.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line within " + timeout + "; process output:\n" + output());
    }

    public List<String> lines() throws IOException {
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }

    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the JVM gets no chance to run shutdown hooks or flush anything. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the JVM runs its shutdown hooks. */
    public void terminate() {
        process.destroy();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + process.pid() + " still running after " + timeout);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
