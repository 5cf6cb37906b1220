package org.chatalot.admin.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether a person is watching: progress lines are for a terminal, never for redirected output, a pipe or the
 * mail cron sends. On JDK 22 and later {@link System#console()} exists even when redirected and
 * {@code Console.isTerminal()} tells; on JDK 21 the console is there only for a terminal.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
