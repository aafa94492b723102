package org.lowmag.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the benchmark mains: {@code --name value} pairs. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();

    /**
     * @param args {@code --name value} pairs
     * @throws IllegalArgumentException for a stray token or a missing value
     */
    BenchArgs(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value pairs, got " + Arrays.toString(args));
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    int integer(String name, int dflt) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : dflt;
    }

    Path path(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return Path.of(v);
    }

    List<String> list(String name, String dflt) {
        return List.of(string(name, dflt).split(","));
    }

    List<Integer> integers(String name, String dflt) {
        return list(name, dflt).stream().map(Integer::parseInt).toList();
    }
}
