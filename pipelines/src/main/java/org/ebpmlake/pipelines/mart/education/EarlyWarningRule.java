package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The declared early-warning rule ({@code conf/early-warning.yaml}): within the last {@code windowDays} days, a
 * student is listed for their school when at least {@code signalsRequired} of three signals cross their thresholds:
 * low-mood check-ins (days with one of {@code moodCodes}), days absent, and school-nurse visits.
 */
public record EarlyWarningRule(
        @JsonProperty("window_days") int windowDays,
        @JsonProperty("signals_required") int signalsRequired,
        @JsonProperty("mood") Mood mood,
        @JsonProperty("absence") Absence absence,
        @JsonProperty("nurse") Nurse nurse) {

    /** Days with a check-in of one of the codes. */
    public record Mood(@JsonProperty("codes") List<String> codes, @JsonProperty("at_least_days") int atLeastDays) {
        public Mood {
            codes = List.copyOf(requireNonNull(codes, "mood.codes is null"));
            for (String code : codes) {
                if (!code.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("mood code must be lower case letters: '" + code + "'");
                }
            }
        }
    }

    /** Days absent. */
    public record Absence(@JsonProperty("at_least_days") int atLeastDays) {
    }

    /** Visits to the school nurse. */
    public record Nurse(@JsonProperty("at_least_visits") int atLeastVisits) {
    }

    public EarlyWarningRule {
        if (windowDays < 1) {
            throw new IllegalArgumentException("window_days must be at least 1, got " + windowDays);
        }
        if (signalsRequired < 1 || signalsRequired > 3) {
            throw new IllegalArgumentException("signals_required must be 1, 2 or 3, got " + signalsRequired);
        }
        requireNonNull(mood, "mood is null");
        requireNonNull(absence, "absence is null");
        requireNonNull(nurse, "nurse is null");
    }

    public static EarlyWarningRule read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), EarlyWarningRule.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new LakeException(ErrorCategory.INVALID_FILE, "早期発見ルールを読めません / cannot read the early-warning rule " + file
                    + ": " + e.getMessage() + " (fix the file; see its comments)", e);
        }
    }

    /** The rule in one line, stored beside every listed student. */
    public String describe() {
        return "at least " + signalsRequired + " of: " + mood.codes() + " on " + mood.atLeastDays() + "+ days; absent "
                + absence.atLeastDays() + "+ days; " + nurse.atLeastVisits() + "+ nurse visits; within " + windowDays + " days";
    }
}
