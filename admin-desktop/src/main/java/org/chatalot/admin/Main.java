package org.chatalot.admin;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import javafx.application.Application;

import org.chatalot.admin.cli.AdminCli;

/**
 * {@code chatalot-admin}: without arguments the desktop app, with a command the CLI. Not itself an Application,
 * so the CLI never needs a display or the JavaFX runtime to start.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(AdminApp.class, args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(AdminCli.run(args, out, err));
    }
}
