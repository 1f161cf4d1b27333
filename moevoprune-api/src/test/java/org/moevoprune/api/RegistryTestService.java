package org.moevoprune.api;

/** A plugin contract that exists only in the tests, discovered from {@code META-INF/services}. */
public interface RegistryTestService extends Provider {
}
