package org.moevoprune.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a search from a master URL, failing fast with one line when Spark cannot work: a
 * standalone or Kubernetes master that does not answer (Spark itself would retry for a minute and then log rather
 * than throw), a master URL Spark cannot parse, or a Spark or Scala version this module is not built for.
 *
 * <p>Every other setting comes from Spark's usual sources: {@code spark.*} system properties, which
 * {@code spark-submit} sets from its options and {@code conf/spark-defaults.conf}. Stateless.
 */
public final class SparkContexts {

    /** The master value that keeps the master {@code spark-submit} (its {@code --master}) configured. */
    public static final String SUBMIT = "submit";

    /** How long a master may take to accept a connection. */
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private SparkContexts() {
    }

    /**
     * @param master a Spark master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn},
     *     {@code k8s://https://host:6443}), or {@value #SUBMIT} for the one {@code spark-submit} set
     * @param appName the application name shown by Spark, unless {@code spark.app.name} is set
     * @return a running context; the caller stops it
     * @throws IllegalArgumentException if the master is blank, or {@value #SUBMIT} outside {@code spark-submit}
     * @throws IllegalStateException if the master is unreachable, Spark refuses the configuration, or the Spark or
     *     Scala version does not fit; the message is one line
     */
    public static JavaSparkContext start(String master, String appName) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(appName, "appName");
        SparkVersions.requireSupported(SparkVersions.running(), SparkVersions.scala());
        SparkConf conf = new SparkConf();
        String resolved = master.strip();
        if (resolved.equals(SUBMIT)) {
            resolved = conf.get("spark.master", "");
            if (resolved.isEmpty()) {
                throw new IllegalArgumentException("Spark master '" + SUBMIT + "' takes the master of spark-submit, "
                        + "but no spark.master is set: run under spark-submit --master ..., or give a master URL");
            }
        }
        if (resolved.isEmpty()) {
            throw new IllegalArgumentException("the Spark master is empty: give a master URL such as local[4], "
                    + "spark://host:7077, yarn or k8s://https://host:6443");
        }
        requireReachable(resolved);
        conf.setMaster(resolved).setIfMissing("spark.app.name", appName);
        try {
            return new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start Spark with master " + resolved + ": "
                    + SparkEvaluationException.reason(e), e);
        }
    }

    /**
     * Connects once to each address of a standalone ({@code spark://h1:p1,h2:p2}) or Kubernetes
     * ({@code k8s://https://host:port}) master; other masters are left to Spark.
     *
     * @param master the master URL
     * @throws IllegalStateException if no address of the master accepts a connection
     */
    static void requireReachable(String master) {
        List<InetSocketAddress> addresses = addresses(master);
        if (addresses.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.add(address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("Spark master " + master + " is unreachable (" + String.join("; ", failures)
                + "): check the master URL and that the master is running and reachable from this machine");
    }

    /** @return the host:port pairs to try, empty for masters that are not checked */
    static List<InetSocketAddress> addresses(String master) {
        List<InetSocketAddress> out = new ArrayList<>();
        String lower = master.toLowerCase(Locale.ROOT);
        if (lower.startsWith("spark://")) {
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                out.add(hostPort(master, hostPort.strip(), 7077));
            }
        } else if (lower.startsWith("k8s://")) {
            String api = master.substring("k8s://".length());
            URI uri = URI.create(api.contains("://") ? api : "https://" + api);
            if (uri.getHost() == null) {
                throw new IllegalStateException("Spark master " + master + " names no Kubernetes API host: write "
                        + "k8s://https://host:port");
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("http") ? 80 : 443;
            out.add(InetSocketAddress.createUnresolved(uri.getHost(), port));
        }
        return out.stream().map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
    }

    private static InetSocketAddress hostPort(String master, String hostPort, int defaultPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalStateException("Spark master " + master + " has an empty host: write spark://host:port");
        }
        try {
            int port = colon < 0 ? defaultPort : Integer.parseInt(hostPort.substring(colon + 1));
            return InetSocketAddress.createUnresolved(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Spark master " + master + " has a port that is not a number: '"
                    + hostPort.substring(colon + 1) + "'", e);
        }
    }
}
