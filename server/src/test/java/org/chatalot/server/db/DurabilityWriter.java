package org.chatalot.server.db;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.settings.InstanceSettingsRepository;

/**
 * Child-process half of {@link DurabilityIT}: writes rows through the production Database as fast as it
 * can and prints "ACK n" only after the write for n has returned, i.e. after the server would have
 * acknowledged it to a client.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        var storage = ConfigLoader.load(Map.of("DATA_DIR", Path.of(args[0]).toString())).config().storage();
        Database database = Database.open(storage);
        InstanceSettingsRepository settings = new InstanceSettingsRepository(database.sql(), Clock.systemUTC());
        System.out.println("READY");
        for (int i = 0; ; i++) {
            settings.put("durability." + i, Integer.toString(i));
            System.out.println("ACK " + i);
        }
    }
}
