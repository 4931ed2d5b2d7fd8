package org.ebpmlake.pipelines.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox: files waiting per dataset, moved aside after their batch, never deleted, never overwritten. */
class InboxTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-31T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void listsTheFilesWaitingByNameAndLeavesHalfWrittenOnesAndFoldersAlone(@TempDir Path root) throws IOException {
        Inbox inbox = new Inbox(root, clock);
        inbox.createFolders(List.of("residents"));
        Path folder = inbox.folder("residents");
        for (String name : List.of("b.csv", "a.xlsx", ".c.csv", "d.csv.part", "e.tmp")) {
            Files.writeString(folder.resolve(name), "x");
        }
        Files.createDirectories(folder.resolve(Inbox.PROCESSED));

        assertThat(inbox.waiting("residents")).extracting(path -> path.getFileName().toString()).containsExactly("a.xlsx", "b.csv");
        assertThat(inbox.waiting("students")).isEmpty();
    }

    @Test
    void aProcessedFileMovesAsideUnderTheTimeItWasTakenAndASecondOfTheSameNameLandsBesideIt(@TempDir Path root) throws IOException {
        Inbox inbox = new Inbox(root, clock);
        inbox.createFolders(List.of("residents"));
        Path delivery = inbox.folder("residents").resolve("residents.csv");

        Files.writeString(delivery, "first");
        Path first = inbox.processed("residents", delivery);
        Files.writeString(delivery, "second");
        Path second = inbox.processed("residents", delivery);

        assertThat(first.getFileName().toString()).isEqualTo("20250401T023000_residents.csv");
        assertThat(second).isNotEqualTo(first).hasParent(first.getParent());
        assertThat(Files.readString(first)).isEqualTo("first");
        assertThat(Files.readString(second)).isEqualTo("second");
        assertThat(inbox.waiting("residents")).isEmpty();
    }

    @Test
    void aRejectedFileMovesToRejectedBesideItsReason(@TempDir Path root) throws IOException {
        Inbox inbox = new Inbox(root, clock);
        inbox.createFolders(List.of("students"));
        Path delivery = inbox.folder("students").resolve("students.csv");
        Files.writeString(delivery, "nonsense");

        Path moved = inbox.rejected("students", delivery, "students.csv line 1: column 'grade' is missing");

        assertThat(moved.getParent()).isEqualTo(inbox.folder("students").resolve(Inbox.REJECTED));
        assertThat(Files.readString(moved)).isEqualTo("nonsense");
        assertThat(Files.readString(moved.resolveSibling(moved.getFileName() + ".reason.txt")))
                .isEqualTo("students.csv line 1: column 'grade' is missing\n");
        try (Stream<Path> left = Files.list(inbox.folder("students"))) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly(Inbox.REJECTED);
        }
    }
}
