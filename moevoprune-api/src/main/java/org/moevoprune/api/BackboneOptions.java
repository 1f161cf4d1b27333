package org.moevoprune.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options given to one {@link BackboneProvider}, checked against the names it declares, with typed accessors
 * whose errors name the provider, the option, the bad value and what is expected. Immutable and thread-safe.
 *
 * <pre>{@code
 * BackboneOptions o = BackboneOptions.of(this, options);   // refuses unknown names
 * Path model = o.requiredPath("model");
 * int size = o.integer("size", 224, 8, 2048);
 * }</pre>
 */
public final class BackboneOptions {

    private final String provider;
    private final Map<String, String> values;

    private BackboneOptions(String provider, Map<String, String> values) {
        this.provider = provider;
        this.values = values;
    }

    /**
     * @param provider the provider the options are for
     * @param values option values by name
     * @return the checked options
     * @throws IllegalArgumentException if a name is not among {@code provider.options()} or a value is null; the
     *     message lists the known names
     */
    public static BackboneOptions of(BackboneProvider provider, Map<String, String> values) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(values, "values");
        Map<String, String> known = provider.options();
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                throw new IllegalArgumentException("backbone '" + provider.id() + "' has no option '" + e.getKey()
                        + "': its options are " + String.join(", ", known.keySet()));
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("backbone '" + provider.id() + "': option '" + e.getKey()
                        + "' has no value");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new BackboneOptions(provider.id(), Collections.unmodifiableMap(copy));
    }

    /** @return the values by name, in the order given (unmodifiable) */
    public Map<String, String> values() {
        return values;
    }

    /**
     * @param name an option name
     * @return whether the option was given
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * @param name an option name
     * @return its value, if given
     */
    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name an option name
     * @param what what the option is, for the error message
     * @return its value
     * @throws IllegalArgumentException if it was not given or is blank
     */
    public String required(String name, String what) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("backbone '" + provider + "' needs the option '" + name + "' ("
                    + what + ")");
        }
        return value;
    }

    /**
     * @param name an option name
     * @return its value as a path, if given
     * @throws IllegalArgumentException if the value is not a valid path
     */
    public Optional<Path> path(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            throw bad(name, value, "a file or folder path (" + e.getReason() + ")");
        }
    }

    /**
     * @param name an option name
     * @param what what the option is, for the error message
     * @return its value as a path
     * @throws IllegalArgumentException if it was not given or is not a valid path
     */
    public Path requiredPath(String name, String what) {
        required(name, what);
        return path(name).orElseThrow();
    }

    /**
     * @param name an option name
     * @param fallback the value when the option is not given
     * @param min the least allowed value
     * @param max the greatest allowed value
     * @return the value
     * @throws IllegalArgumentException if the value is not an integer in {@code [min, max]}
     */
    public int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, value, "an integer in " + min + "–" + max);
    }

    /**
     * @param name an option name
     * @param fallback the value when the option is not given
     * @return the value: {@code true}/{@code yes}/{@code 1} or {@code false}/{@code no}/{@code 0}
     * @throws IllegalArgumentException for any other value
     */
    public boolean flag(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(name, value, "true or false");
        };
    }

    /**
     * @param name an option name
     * @param count how many numbers the option must hold
     * @return the comma-separated finite numbers, if the option is given
     * @throws IllegalArgumentException if the value does not hold exactly {@code count} finite numbers
     */
    public Optional<float[]> numbers(String name, int count) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",", -1);
        float[] out = new float[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Float.parseFloat(parts[i].trim());
                if (!Float.isFinite(out[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw bad(name, value, count + " comma-separated finite numbers");
        }
        if (out.length != count) {
            throw bad(name, value, count + " comma-separated finite numbers");
        }
        return Optional.of(out);
    }

    /**
     * @param name the option
     * @param value its value
     * @param expected what it should be
     * @return the exception to throw: {@code backbone 'ID': option 'NAME' must be EXPECTED, got 'VALUE'}
     */
    public IllegalArgumentException bad(String name, String value, String expected) {
        return new IllegalArgumentException("backbone '" + provider + "': option '" + name + "' must be " + expected
                + ", got '" + value + "'");
    }

    @Override
    public String toString() {
        return "BackboneOptions[" + provider + ": " + values + "]";
    }
}
