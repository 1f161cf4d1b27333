package org.moevoprune.core.testing.fuzz;

import java.lang.reflect.Method;

/**
 * HotSpot's per-thread allocation counter ({@code com.sun.management.ThreadMXBean}), looked up reflectively because
 * the tests compile inside the module, which does not read {@code java.management}. Stateless; thread-safe.
 */
final class AllocatedBytes {

    private static final Object THREAD_BEAN;
    private static final Method ALLOCATED_BYTES;

    static {
        Object bean = null;
        Method method = null;
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            method.invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            method = null;
        }
        THREAD_BEAN = bean;
        ALLOCATED_BYTES = method;
    }

    private AllocatedBytes() {
    }

    /** @return the bytes the current thread has allocated so far, or -1 if this JVM cannot tell */
    static long ofCurrentThread() {
        if (ALLOCATED_BYTES == null) {
            return -1;
        }
        try {
            return (Long) ALLOCATED_BYTES.invoke(THREAD_BEAN);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }
}
