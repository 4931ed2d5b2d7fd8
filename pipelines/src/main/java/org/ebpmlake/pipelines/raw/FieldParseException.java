package org.ebpmlake.pipelines.raw;

/** A field's text could not be read as its declared type; the message never repeats the value itself. */
final class FieldParseException extends Exception {
    FieldParseException(String message) {
        super(message);
    }
}
