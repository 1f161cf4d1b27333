package org.moevoprune.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} options, checked against the options a command knows, with typed
 * accessors whose errors name the option, the bad value and what is expected.
 */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    /**
     * @param args the words after the command name
     * @param options options that take a value
     * @param flags options without a value
     * @throws UsageException for an unknown option, a missing value or a repeated option
     */
    Arguments(List<String> args, Set<String> options, Set<String> flags) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            String name = word;
            String value = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                name = word.substring(0, eq);
                value = word.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                put(name, "true");
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                put(name, value);
            } else {
                throw new UsageException("unknown option '" + word + "'");
            }
        }
    }

    private void put(String name, String value) throws UsageException {
        if (values.put(name, value) != null) {
            throw new UsageException(name + " is given twice");
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name, String what) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing " + name + " (" + what + ")");
        }
        return v;
    }

    Path path(String name) {
        String v = values.get(name);
        return v == null ? null : Path.of(v);
    }

    int integer(String name, int fallback, int min) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer ≥ " + min + ", got '" + v + "'");
        }
    }

    /**
     * @param name the option
     * @param fallback the value when the option is absent (not checked)
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param why why {@code max} is the limit, shown in the message
     * @return the value
     * @throws UsageException if the value is not an integer in {@code [min, max]}
     */
    int integer(String name, int fallback, int min, int max, String why) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw new UsageException(name + " must be an integer in " + min + ".." + max + " (" + why + "), got '"
                    + v + "'");
        }
        return (int) n;
    }

    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + v + "'");
        }
    }

    double number(String name, double fallback, double min, double max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number in [" + min + ", " + max + "], got '" + v + "'");
        }
    }
}
