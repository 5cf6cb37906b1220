package org.chatalot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.chatalot.testing.ExternalTools;

/**
 * The client's DOM-free core (api, session, socket, store, outbox, drafts, markdown) tested on its own with
 * Node's test runner, against the files exactly as they are packed into the jar, with bare imports resolved
 * through the page's own import map. Node is a test tool only: the server never needs it.
 */
class CoreModulesIT {
    private static final Path WEB_ROOT = Path.of("target/classes/chatalot-web").toAbsolutePath();
    private static final Path TESTS = Path.of("src/test/js").toAbsolutePath();
    private static final Pattern SUMMARY = Pattern.compile("^# (pass|fail|tests) (\\d+)$", Pattern.MULTILINE);

    @Test
    void coreModulesPassTheirNodeTests() throws IOException, InterruptedException {
        Path node = ExternalTools.require("node");
        List<String> command = new ArrayList<>(List.of(node.toString(), "--import",
                TESTS.resolve("import-map.mjs").toString(), "--test", "--test-reporter=tap"));
        List<String> files;
        try (Stream<Path> list = Files.list(TESTS)) {
            files = list.map(Path::toString).filter(name -> name.endsWith(".test.mjs")).sorted().toList();
        }
        assertThat(files).as("node tests in %s", TESTS).isNotEmpty();
        command.addAll(files);
        Path log = Files.createTempFile("chatalot-web-core-", ".tap");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("WEB_ROOT", WEB_ROOT.toString());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                Assertions.fail("node --test still running after 3 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("node --test exit code; output:\n%s", output).isZero();
            assertThat(count(output, "fail")).as(output).isZero();
            assertThat(count(output, "pass")).as("tests that ran").isGreaterThanOrEqualTo(files.size());
            System.out.println("web client core: " + count(output, "pass") + " node tests passed");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int count(String output, String what) {
        Matcher matcher = SUMMARY.matcher(output);
        int value = -1;
        while (matcher.find()) {
            if (matcher.group(1).equals(what)) {
                value = Integer.parseInt(matcher.group(2));
            }
        }
        if (value < 0) {
            throw new AssertionError("no '# " + what + "' line in node's output:\n" + output);
        }
        return value;
    }
}
