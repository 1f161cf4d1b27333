package org.moevoprune.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The providers of one contract ({@link SparseHead}, {@link Objective}, {@link Ensemble},
 * {@link BackboneProvider} or a plugin contract of your own), found by {@link ServiceLoader} and/or passed in by hand, ranked by {@link Provider#priority()} (then
 * id). Providers that are not {@link Provider#availability() available}, or that fail to load, are kept aside with
 * their reason, so that an error can say why nothing fits.
 *
 * <p>Immutable and thread-safe; discovery happens once, in {@link #load}, never in a static initialiser.
 *
 * @param <T> the contract
 */
public final class ProviderRegistry<T extends Provider> {

    /** Prefix of the system properties that pick a provider by id, e.g. {@code -Dmoevoprune.SparseHead=nd4j}. */
    public static final String PROPERTY_PREFIX = "moevoprune.";

    private static final Map<Class<?>, String> ARTIFACTS = Map.of(
            SparseHead.class, "org.moevoprune:moevoprune-core (id 'java', pure Java) or "
                    + "org.moevoprune:moevoprune-nd4j (id 'nd4j', ND4J/OpenBLAS)",
            Objective.class, "org.moevoprune:moevoprune-core (ids 'accuracy', 'active-fraction', "
                    + "'parameter-fraction', 'auroc', 'aupr', 'fpr95', 'energy-auroc', 'max-logit-auroc', "
                    + "'mahalanobis-auroc', 'knn-auroc') or the jar of your objective plugin",
            Ensemble.class, "org.moevoprune:moevoprune-core or the jar of your ensemble plugin",
            BackboneProvider.class, "org.moevoprune:moevoprune-core (id 'features', feature files) or "
                    + "org.moevoprune:moevoprune-onnx (id 'onnx', ONNX image models) or the jar of your backbone "
                    + "plugin");

    private final Class<T> type;
    private final List<T> available;
    private final Map<String, String> unavailable;

    private ProviderRegistry(Class<T> type, List<T> available, Map<String, String> unavailable) {
        this.type = type;
        this.available = List.copyOf(available);
        // Map.copyOf would iterate in a per-JVM random order, making error messages differ from run to run.
        this.unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /**
     * Discovers the providers of {@code type} with the thread's context class loader (falling back to the loader of
     * {@code type}).
     *
     * @param type the contract
     * @param <T> the contract
     * @return the registry
     */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> type) {
        Objects.requireNonNull(type, "type");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(type, loader != null ? loader : type.getClassLoader());
    }

    /**
     * Discovers the providers of {@code type} visible to {@code loader} (and, on the module path, to the module
     * layer).
     *
     * @param type the contract
     * @param loader where to look
     * @param <T> the contract
     * @return the registry
     */
    public static <T extends Provider> ProviderRegistry<T> load(Class<T> type, ClassLoader loader) {
        Objects.requireNonNull(type, "type");
        List<T> found = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        String previousError = null;
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
                previousError = null;
            } catch (ServiceConfigurationError e) {
                String reason = String.valueOf(e.getMessage());
                // ServiceLoader does not move past some errors (an unreadable class path, say) and would report
                // them forever; each provider's own error names its class, so a repeat means no progress.
                if (reason.equals(previousError)) {
                    break;
                }
                previousError = reason;
                failed.put("(failed to load #" + (failed.size() + 1) + ")", reason);
            }
        }
        return build(type, found, failed);
    }

    /**
     * A registry of exactly the given providers, without discovery (tests, embedding applications).
     *
     * @param type the contract
     * @param providers the providers
     * @param <T> the contract
     * @return the registry
     */
    public static <T extends Provider> ProviderRegistry<T> of(Class<T> type, Collection<? extends T> providers) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(providers, "providers");
        return build(type, new ArrayList<>(providers), new LinkedHashMap<>());
    }

    /**
     * This registry plus {@code provider}, which replaces any provider with the same id.
     *
     * @param provider the provider to add
     * @return a new registry
     */
    public ProviderRegistry<T> with(T provider) {
        Objects.requireNonNull(provider, "provider");
        List<T> all = new ArrayList<>(available);
        all.removeIf(p -> p.id().equals(provider.id()));
        all.add(provider);
        Map<String, String> failed = new LinkedHashMap<>(unavailable);
        String id = provider.id();
        failed.keySet().removeIf(key -> key.equals(id) || key.startsWith(id + " ("));
        return build(type, all, failed);
    }

    /** @return the contract */
    public Class<T> type() {
        return type;
    }

    /** @return the usable providers, best first */
    public List<T> available() {
        return available;
    }

    /**
     * @return the providers that cannot be used here, by id, with the reason, in the order they were met; a
     *     provider that failed to load or has no usable id is listed by a description in parentheses
     */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    /**
     * @param id a provider id
     * @return the usable provider with that id, if any
     */
    public Optional<T> find(String id) {
        Objects.requireNonNull(id, "id");
        return available.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * @param id a provider id
     * @return the usable provider with that id
     * @throws ProviderNotFoundException if there is none; the message says what there is and what to add
     */
    public T get(String id) {
        return find(id).orElseThrow(() -> notFound("with id '" + id + "'"));
    }

    /**
     * @return the usable provider of the highest priority
     * @throws ProviderNotFoundException if there is none
     */
    public T best() {
        if (available.isEmpty()) {
            throw notFound("at all");
        }
        return available.get(0);
    }

    /**
     * The provider named by the system property {@code moevoprune.<SimpleName>} (e.g.
     * {@code -Dmoevoprune.SparseHead=java}) if it is set, else {@link #best()}.
     *
     * @return the chosen provider
     * @throws ProviderNotFoundException if the named provider is missing or there is none
     */
    public T select() {
        String id = System.getProperty(PROPERTY_PREFIX + type.getSimpleName());
        return id == null || id.isBlank() ? best() : get(id.trim());
    }

    @Override
    public String toString() {
        return "ProviderRegistry[" + type.getSimpleName() + ": " + describeAvailable() + "]";
    }

    private ProviderNotFoundException notFound(String what) {
        StringBuilder message = new StringBuilder("no usable " + type.getSimpleName() + " provider " + what + ". ");
        message.append("Found: ").append(describeAvailable()).append(". ");
        if (!unavailable.isEmpty()) {
            message.append("Unavailable: ");
            unavailable.forEach((id, reason) -> message.append(id).append(" (").append(reason).append("); "));
        }
        message.append("Fix: add ")
                .append(ARTIFACTS.getOrDefault(type, "a jar that provides " + type.getName()))
                .append(" to the class path, or pass a provider with ProviderRegistry.with(...)");
        return new ProviderNotFoundException(message.toString());
    }

    private String describeAvailable() {
        if (available.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (T p : available) {
            s.append(s.length() == 0 ? "" : ", ").append(p.id()).append(" (priority ").append(p.priority())
                    .append(')');
        }
        return s.toString();
    }

    private static <T extends Provider> ProviderRegistry<T> build(Class<T> type, List<T> candidates,
            Map<String, String> failed) {
        List<T> usable = new ArrayList<>();
        for (T provider : candidates) {
            Objects.requireNonNull(provider, "provider");
            if (!type.isInstance(provider)) {
                throw new IllegalArgumentException(provider.getClass().getName() + " is not a " + type.getName());
            }
            String identityProblem = identityProblem(provider);
            if (identityProblem != null) {
                failed.put("(" + provider.getClass().getName() + ")", identityProblem);
                continue;
            }
            Provider.Availability availability = availabilityOf(provider);
            if (availability.available()) {
                usable.add(provider);
            } else {
                failed.put(provider.id(), availability.reason());
            }
        }
        usable.sort(Comparator.comparingInt((T p) -> -p.priority()).thenComparing(Provider::id));
        List<T> unique = new ArrayList<>();
        for (T provider : usable) {
            Optional<T> kept = unique.stream().filter(p -> p.id().equals(provider.id())).findFirst();
            if (kept.isPresent()) {
                failed.put(provider.id() + " (" + provider.getClass().getName() + ")",
                        "duplicate id; " + kept.get().getClass().getName() + " is used instead");
            } else {
                unique.add(provider);
            }
        }
        return new ProviderRegistry<>(type, unique, failed);
    }

    /** A plugin with a broken id or priority is set aside rather than crashing the ranking of all the others. */
    private static String identityProblem(Provider provider) {
        try {
            String id = provider.id();
            if (id == null || id.isBlank()) {
                return "id() returned " + (id == null ? "null" : "'" + id + "'")
                        + ": a provider needs a short, non-blank, unique id";
            }
            provider.priority();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "id() or priority() failed: " + e;
        }
    }

    private static Provider.Availability availabilityOf(Provider provider) {
        try {
            return Objects.requireNonNull(provider.availability(), "availability");
        } catch (RuntimeException | LinkageError e) {
            return Provider.Availability.unavailable("availability check failed: " + e);
        }
    }
}
