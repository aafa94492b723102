package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lowmag.slide.Magnification;

/**
 * Typed access to one mapping of a parsed YAML/JSON configuration; every error is an {@link
 * IllegalArgumentException} that names the full key ({@code ablation.resize}) and the bad value.
 */
final class ConfigNode {

    private final String prefix;
    private final Map<String, Object> map;

    ConfigNode(String prefix, Object value) {
        this.prefix = prefix;
        this.map = asMap(prefix.isEmpty() ? "the file" : prefix, value);
    }

    private static Map<String, Object> asMap(String what, Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(
                    what + ": expected a mapping of keys to values, got " + describe(value));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            m.put(String.valueOf(e.getKey()), e.getValue());
        }
        return m;
    }

    /** Fails on the first key that is not allowed, listing the allowed ones. */
    void allowOnly(Collection<String> allowed) {
        for (String k : map.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(
                        key(k) + ": unknown key; allowed keys here: " + new TreeSet<>(allowed));
            }
        }
    }

    String key(String k) {
        return prefix.isEmpty() ? k : prefix + "." + k;
    }

    boolean has(String k) {
        return map.containsKey(k) && map.get(k) != null;
    }

    Object raw(String k) {
        return map.get(k);
    }

    List<String> keys() {
        return List.copyOf(map.keySet());
    }

    ConfigNode child(String k) {
        return new ConfigNode(key(k), map.get(k));
    }

    String string(String k, String def) {
        if (!has(k)) {
            return def;
        }
        Object v = map.get(k);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new IllegalArgumentException(key(k) + ": expected a single value, got " + v);
        }
        return String.valueOf(v);
    }

    String requiredString(String k) {
        if (!has(k)) {
            throw new IllegalArgumentException(key(k) + ": missing (required)");
        }
        return string(k, null);
    }

    double number(String k, double def) {
        return has(k) ? toNumber(key(k), map.get(k)) : def;
    }

    long integer(String k, long def) {
        return has(k) ? toInteger(key(k), map.get(k)) : def;
    }

    double magnification(String k) {
        if (!has(k)) {
            throw new IllegalArgumentException(key(k) + ": missing (required)");
        }
        return toMagnification(key(k), map.get(k));
    }

    /** A list of values; a single value counts as a list of one. */
    List<Object> list(String k) {
        if (!has(k)) {
            return List.of();
        }
        Object v = map.get(k);
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?>) {
            throw new IllegalArgumentException(key(k) + ": expected a list, got a mapping " + v);
        }
        return List.of(v);
    }

    List<String> strings(String k) {
        List<String> out = new ArrayList<>();
        for (Object o : list(k)) {
            if (o == null || o instanceof Map<?, ?> || o instanceof List<?>) {
                throw new IllegalArgumentException(
                        key(k) + ": expected a list of names, got element " + describe(o));
            }
            out.add(String.valueOf(o).strip());
        }
        return out;
    }

    List<Double> magnifications(String k) {
        List<Double> out = new ArrayList<>();
        for (Object o : list(k)) {
            out.add(toMagnification(key(k), o));
        }
        return out;
    }

    static double toNumber(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number", e);
        }
    }

    static long toInteger(String key, Object v) {
        double d = toNumber(key, v);
        if (d != Math.rint(d) || Math.abs(d) > 1e15) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number");
        }
        return (long) d;
    }

    static double toMagnification(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Magnification.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : "'" + v + "'";
    }
}
