package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A set of batches by id, with a short digest that names exactly that set: recorded beside what was built from
 * the batches (a curated snapshot, the totals of promoted batches), it says whether the build is still current.
 */
public record BatchSet(List<String> batchIds) {
    public BatchSet {
        batchIds = requireNonNull(batchIds, "batchIds is null").stream().distinct().sorted().toList();
    }

    public static BatchSet of(List<BatchRecord> batches) {
        return new BatchSet(batches.stream().map(BatchRecord::batchId).toList());
    }

    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\n", batchIds).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public int size() {
        return batchIds.size();
    }
}
