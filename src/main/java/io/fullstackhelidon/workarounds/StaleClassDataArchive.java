package io.fullstackhelidon.workarounds;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Removes the class-data archive of {@code deploy/jvm.options} once the jars it was recorded from have been replaced.
 * {@code -XX:+AutoCreateSharedArchive} should record the archive again when the class path changed, but JDK 25 finds
 * the change only after it has given up class-data sharing altogether, and then cannot record anything: after an
 * upgrade every start stayed at the speed of a start without the archive (2.1 s against 1.3 s here), for good.
 * Without the file, the next start records it again. A jar newer than the archive is the sign, as the JVM itself
 * compares the jars' times; it is checked once the service is ready, off the start's path.
 */
public final class StaleClassDataArchive {

    private static final System.Logger LOGGER = System.getLogger(StaleClassDataArchive.class.getName());

    private StaleClassDataArchive() {
    }

    /** Removes the archive this JVM was started with, when it records itself anew and its jars are newer. */
    public static void removeIfOutdated() {
        archiveRecordedByThisJvm().ifPresent(archive -> {
            if (removeIfOlderThan(archive, classPath())) {
                LOGGER.log(Level.INFO, "The class-data archive " + archive + " is older than the jars (an upgrade): "
                                       + "removed, the next start records it again");
            }
        });
    }

    /**
     * Removes {@code archive} when one of {@code jars} was modified after it; whether it did. A missing archive or
     * jar is no reason.
     */
    static boolean removeIfOlderThan(Path archive, List<Path> jars) {
        try {
            if (!Files.isRegularFile(archive)) {
                return false;
            }
            FileTime recorded = Files.getLastModifiedTime(archive);
            for (Path jar : jars) {
                if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(recorded) > 0) {
                    return Files.deleteIfExists(archive);
                }
            }
            return false;
        } catch (IOException e) {
            LOGGER.log(Level.DEBUG, "The class-data archive " + archive + " is left as it is: " + e.getMessage());
            return false;
        }
    }

    /** The archive of {@code -XX:SharedArchiveFile} when {@code -XX:+AutoCreateSharedArchive} is on. */
    private static Optional<Path> archiveRecordedByThisJvm() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
            return Optional.empty();
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            String file = vm.getVMOption("SharedArchiveFile").getValue();
            return vm.getVMOption("AutoCreateSharedArchive").getValue().equals("true") && !file.isEmpty()
                   ? Optional.of(Path.of(file)) : Optional.empty();
        } catch (IllegalArgumentException noSuchOption) {
            return Optional.empty();
        }
    }

    /** The class path's jars, with those the main jar's manifest adds. */
    private static List<Path> classPath() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                Path jar = Path.of(entry);
                jars.add(jar);
                jars.addAll(manifestClassPath(jar));
            }
        }
        return jars;
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String entries = file.getManifest() == null ? null
                                                        : file.getManifest().getMainAttributes().getValue("Class-Path");
            Path folder = jar.toAbsolutePath().getParent();
            return entries == null ? List.of()
                                   : Arrays.stream(entries.trim().split("\\s+")).map(folder::resolve).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
