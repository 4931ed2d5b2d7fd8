package org.ebpmlake.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets some processes listen on, read from Linux's {@code /proc} (no {@code ss} or {@code netstat} needed on
 * a fresh machine): each as {@code address:port}, IPv4 dotted or IPv6 in hex.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static List<String> of(Collection<Long> processIds) {
        Set<String> inodes = new HashSet<>();
        for (long pid : processIds) {
            Path descriptors = Path.of("/proc", Long.toString(pid), "fd");
            try (Stream<Path> links = Files.list(descriptors)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // A descriptor closed while being read is no listening socket.
                    }
                }
            } catch (IOException processEnded) {
                // The process ended: it listens on nothing.
            }
        }
        List<String> listening = new ArrayList<>();
        listening.addAll(read(Path.of("/proc/net/tcp"), inodes, false));
        listening.addAll(read(Path.of("/proc/net/tcp6"), inodes, true));
        return List.copyOf(listening);
    }

    /** Whether an address from {@link #of} is on the loopback interface (127.0.0.0/8, ::1 or ::ffff:127.x). */
    static boolean loopback(String socket) {
        String address = socket.substring(0, socket.lastIndexOf(':'));
        return address.startsWith("127.") || address.equals("00000000000000000000000001000000")
                || address.matches("0000000000000000FFFF0000[0-9A-F]{6}7F");
    }

    private static List<String> read(Path table, Set<String> inodes, boolean six) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    int port = Integer.parseInt(local[1], 16);
                    found.add((six ? local[0] : ipv4(local[0])) + ":" + port);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        return found;
    }

    /** /proc writes an IPv4 address as the hex of its bytes in little-endian order. */
    private static String ipv4(String hex) {
        return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
    }
}
