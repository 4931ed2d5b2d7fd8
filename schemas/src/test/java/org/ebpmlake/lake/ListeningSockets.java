package org.ebpmlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a set of processes listens on, read from Linux's {@code /proc} as {@code ss -ltnp} reads them,
 * so a test can prove that a service listens on 127.0.0.1 only.
 */
public final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Every listening address ("127.0.0.1:18080") of the processes and all their descendants. */
    public static List<String> of(long... pids) {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> {
                inodes.addAll(socketInodes(process.pid()));
                process.descendants().forEach(child -> inodes.addAll(socketInodes(child.pid())));
            });
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : lines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                    addresses.add(address(fields[1]));
                }
            }
        }
        return addresses;
    }

    /** Whether an address from {@link #of} is a loopback address. */
    public static boolean isLoopback(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor closed while being read.
                }
            });
        } catch (IOException e) {
            // The process ended.
        }
        return inodes;
    }

    /** "0100007F:4E20" (little-endian IPv4) or 32 hex digits of IPv6, to "127.0.0.1:20000". */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        byte[] raw = new BigInteger(parts[0], 16).toByteArray();
        int length = parts[0].length() / 2;
        byte[] bytes = new byte[length];
        System.arraycopy(raw, Math.max(0, raw.length - length), bytes, Math.max(0, length - raw.length), Math.min(length, raw.length));
        // /proc stores each 32-bit word in host (little-endian) order.
        for (int word = 0; word < length; word += 4) {
            for (int index = 0; index < 2; index++) {
                byte swap = bytes[word + index];
                bytes[word + index] = bytes[word + 3 - index];
                bytes[word + 3 - index] = swap;
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + ":" + port;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.isEmpty() ? all : all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
