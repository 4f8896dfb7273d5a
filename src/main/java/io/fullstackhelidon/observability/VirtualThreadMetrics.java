package io.fullstackhelidon.observability;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;
import java.util.List;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

/**
 * Gauges of the virtual-thread scheduler (parallelism, carrier pool size, mounted and queued virtual threads), read
 * from {@code jdk.management.VirtualThreadSchedulerMXBean} when the running JDK has it (24+). The build targets 21,
 * so the bean is reached by name.
 */
public final class VirtualThreadMetrics {

    private static final String BEAN = "jdk.management.VirtualThreadSchedulerMXBean";

    private VirtualThreadMetrics() {
    }

    /** Registers the gauges; returns whether the JDK offers them. */
    @SuppressWarnings("unchecked")
    public static boolean register(MeterRegistry registry) {
        Class<? extends PlatformManagedObject> type;
        Object bean;
        try {
            type = (Class<? extends PlatformManagedObject>) Class.forName(BEAN);
            bean = ManagementFactory.getPlatformMXBean(type);
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return false;
        }
        gauge(registry, type, bean, "getParallelism", "parallelism");
        gauge(registry, type, bean, "getPoolSize", "carrier_threads");
        gauge(registry, type, bean, "getMountedVirtualThreadCount", "mounted");
        gauge(registry, type, bean, "getQueuedVirtualThreadCount", "queued");
        return true;
    }

    private static void gauge(MeterRegistry registry, Class<?> type, Object bean, String getter, String figure) {
        Method method;
        try {
            method = type.getMethod(getter);
        } catch (NoSuchMethodException e) {
            return;
        }
        registry.getOrCreate(Gauge.builder("jvm.virtual.threads", () -> read(method, bean))
                                     .tags(List.of(Tag.create("figure", figure)))
                                     .description("Virtual-thread scheduler: " + figure));
    }

    private static Number read(Method method, Object bean) {
        try {
            return ((Number) method.invoke(bean)).doubleValue();
        } catch (ReflectiveOperationException e) {
            return Double.NaN;
        }
    }
}
