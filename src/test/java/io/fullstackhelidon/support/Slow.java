package io.fullstackhelidon.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The slow tier: tests that start processes or several instances, drive the browser, wait out real time-outs or need
 * Redis. {@code ./mvnw verify} runs them with the rest; {@code ./mvnw test -DexcludedGroups=slow} leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
