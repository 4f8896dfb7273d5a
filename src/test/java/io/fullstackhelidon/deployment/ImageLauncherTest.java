package io.fullstackhelidon.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher that deploy/image/build.sh writes into the runtime image, run with a stand-in {@code java} that prints
 * what it was given: it serves a frontend built into the image, unless {@code FRONTEND_DIR} names another.
 */
class ImageLauncherTest {

    @Test
    void aFrontendInTheImageIsServedUnlessFrontendDirSaysOtherwise(@TempDir Path home) throws Exception {
        Path launcher = install(home);

        assertThat(run(launcher, Map.of())).as("no frontend in the image").contains("FRONTEND_DIR=\n");
        Files.createDirectories(home.resolve("frontend"));
        assertThat(run(launcher, Map.of())).as("an empty frontend folder").contains("FRONTEND_DIR=\n");
        Files.writeString(home.resolve("frontend/index.html"), "<!doctype html>");
        assertThat(run(launcher, Map.of())).contains("FRONTEND_DIR=" + home.toRealPath().resolve("frontend") + "\n");
        assertThat(run(launcher, Map.of("FRONTEND_DIR", "/srv/other"))).contains("FRONTEND_DIR=/srv/other\n");
        assertThat(run(launcher, Map.of())).contains("-jar " + home.toRealPath().resolve("app/full-stack-helidon.jar")
                                                    + " serve");
    }

    /** The launcher of build.sh in {@code home}/bin, beside a {@code java} that echoes its environment and arguments. */
    private static Path install(Path home) throws IOException {
        String script = Files.readString(Manifests.ROOT.resolve("deploy/image/build.sh"));
        int start = script.indexOf("<<'LAUNCHER'\n") + "<<'LAUNCHER'\n".length();
        String launcherText = script.substring(start, script.indexOf("\nLAUNCHER\n", start) + 1);
        Files.createDirectories(home.resolve("bin"));
        Path launcher = executable(home.resolve("bin/full-stack-helidon"), launcherText);
        executable(home.resolve("bin/java"), "#!/bin/sh\necho \"FRONTEND_DIR=$FRONTEND_DIR\"\necho \"$@\"\n");
        return launcher;
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String run(Path launcher, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", launcher.toString(), "serve").redirectErrorStream(true);
        builder.environment().remove("FRONTEND_DIR");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the launcher returns").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
