package org.ebpmlake.pipelines.raw;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a delivered file. Departments send UTF-8 (with or without BOM) or CP932 (Shift_JIS as
 * Windows writes it); a file that is not valid UTF-8 is read as CP932, strictly, so a file in neither
 * encoding is refused rather than read as mojibake.
 */
public record DeliveredText(String text, Charset charset) {
    public static final Charset CP932 = Charset.forName("windows-31j");

    /** Reads a whole file a person gave (a delivery, a hierarchy) as deliveries are read: UTF-8 or CP932, strictly. */
    public static DeliveredText read(java.nio.file.Path file) {
        try {
            return decode(file.toString(), java.nio.file.Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new org.ebpmlake.lake.LakeException(org.ebpmlake.lake.ErrorCategory.INVALID_FILE,
                    "ファイルがありません / no such file: " + file, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    static DeliveredText decode(String fileName, byte[] bytes) {
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new DeliveredText(strict(StandardCharsets.UTF_8).decode(buffer).toString(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new DeliveredText(strict(CP932).decode(ByteBuffer.wrap(bytes)).toString(), CP932);
            } catch (CharacterCodingException notCp932) {
                throw new org.ebpmlake.lake.LakeException(org.ebpmlake.lake.ErrorCategory.INVALID_FILE, fileName
                        + ": UTF-8 でも CP932 でもありません / the file is neither UTF-8 nor CP932 text");
            }
        }
    }

    /**
     * The encoding of a file too large to decode whole, judged from its first bytes (cut at the last line
     * break, so no character is split). Lines that are not valid in it are rejected one by one later.
     */
    public static Charset detect(String fileName, byte[] prefix) {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            end = prefix.length;
        }
        int offset = hasUtf8Bom(prefix) ? 3 : 0;
        try {
            strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(prefix, offset, end - offset));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            try {
                strict(CP932).decode(ByteBuffer.wrap(prefix, 0, end));
                return CP932;
            } catch (CharacterCodingException notCp932) {
                throw new org.ebpmlake.lake.LakeException(org.ebpmlake.lake.ErrorCategory.INVALID_FILE, fileName
                        + ": UTF-8 でも CP932 でもありません / the file is neither UTF-8 nor CP932 text");
            }
        }
    }

    public static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }
}
