package org.ebpmlake.launcher.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Debian's {@code chromium}, installed with apt (and a Japanese font, so screenshots show the text) when the machine
 * lacks it: CI runs as root on a fresh machine, where {@code apt-get} works as it is; elsewhere {@code sudo -n} is
 * tried, and failing that the test says what to install.
 */
final class InstalledChromium {
    private static final List<String> PACKAGES = List.of("chromium", "fonts-ipafont-gothic");

    private InstalledChromium() {
    }

    static Path ensure() throws IOException, InterruptedException {
        Optional<Path> found = find();
        if (found.isPresent() && Files.exists(Path.of("/usr/share/fonts/opentype/ipafont-gothic"))) {
            return found.get();
        }
        List<String> privilege = isRoot() ? List.of() : List.of("sudo", "-n");
        run(concat(privilege, List.of("apt-get", "update", "-q")));
        run(concat(privilege, concat(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"), PACKAGES)));
        return find().orElseThrow(() -> new IllegalStateException("apt-get installed " + PACKAGES + " but no chromium is on the PATH"));
    }

    private static Optional<Path> find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return "0".equals(uid);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("could not install " + PACKAGES + " with `" + String.join(" ", command)
                    + "`; install Debian's chromium and fonts-ipafont-gothic by hand and re-run. Output:\n" + output);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
