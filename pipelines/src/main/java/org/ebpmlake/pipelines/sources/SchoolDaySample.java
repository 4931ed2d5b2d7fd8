package org.ebpmlake.pipelines.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.ebpmlake.lake.FiscalYears;

/**
 * What the one-device-per-student tablets and the school offices record each school day: xAPI learning
 * logs (one JSON-lines file per day, as the learning platform exports them), the 心の天気 mood check-in,
 * attendance with reasons, and school-nurse visits. Now and then a log line is cut short, as in real exports.
 */
final class SchoolDaySample {
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "https://learning.example.city.osaka.jp";
    private static final String[] VERBS = {"launched", "answered", "answered", "answered", "completed", "experienced"};
    private static final String[] MOODS = {"sunny", "cloudy", "rainy", "stormy"};
    private static final String[] ABSENCE_REASONS = {"illness", "illness", "family", "bereavement", "school_refusal", "other"};
    private static final String[] LATE_REASONS = {"illness", "family", "transport", "other"};
    private static final String[] COMPLAINTS = {"injury", "headache", "stomachache", "fever", "fatigue", "emotional", "other"};

    private final SplittableRandom random;
    private final List<SampleStudent> students;
    private final List<LocalDate> schoolDays;

    SchoolDaySample(long seed, List<SampleStudent> students, LocalDate lastDay, int days) {
        this.random = new SplittableRandom(seed);
        this.students = List.copyOf(students);
        this.schoolDays = schoolDaysUpTo(lastDay, days);
    }

    List<SourceFile> write(Path directory) {
        Path folder = directory.resolve("education");
        List<SourceFile> files = new ArrayList<>();
        try (DelimitedFile moods = DelimitedFile.create(folder.resolve("mood_checkins.csv"), StandardCharsets.UTF_8,
                        List.of("児童生徒番号", "入力日", "心の天気"));
                DelimitedFile attendance = DelimitedFile.create(folder.resolve("attendance.csv"), StandardCharsets.UTF_8,
                        List.of("student_id", "school_day", "status", "reason"));
                DelimitedFile visits = DelimitedFile.create(folder.resolve("nurse_visits.csv"), StandardCharsets.UTF_8,
                        List.of("visit_id", "student_id", "visited_at", "complaint", "minutes_stayed", "sent_home"))) {
            boolean firstDay = true;
            for (LocalDate day : schoolDays) {
                Path logFile = folder.resolve("learning_logs").resolve("learning_logs_" + day + ".jsonl");
                try (TextFile logs = TextFile.create(logFile, StandardCharsets.UTF_8)) {
                    for (SampleStudent student : students) {
                        String status = writeAttendance(attendance, student, day);
                        if ("absent".equals(status)) {
                            continue;
                        }
                        moods.write(List.of(student.studentId(), japaneseDate(day), MOODS[mood()]));
                        writeLogs(logs, student, day);
                        if (random.nextDouble() < 0.01) {
                            writeVisit(visits, student, day);
                        }
                    }
                    if (firstDay) {
                        // A statement cut off mid-line, as happens when an export is interrupted.
                        String whole = statement(students.get(0), day.atTime(9, 0).atOffset(JST)).toString();
                        logs.writeLine(whole.substring(0, whole.length() / 2));
                        firstDay = false;
                    }
                }
                files.add(new SourceFile("learning_logs", logFile));
            }
            files.add(new SourceFile("mood_checkins", moods.path()));
            files.add(new SourceFile("attendance", attendance.path()));
            files.add(new SourceFile("nurse_visits", visits.path()));
        }
        return files;
    }

    private String writeAttendance(DelimitedFile attendance, SampleStudent student, LocalDate day) {
        double draw = random.nextDouble();
        String status = "present";
        String reason = "";
        if (draw < 0.035) {
            status = "absent";
            reason = ABSENCE_REASONS[random.nextInt(ABSENCE_REASONS.length)];
        } else if (draw < 0.06) {
            status = "late";
            reason = LATE_REASONS[random.nextInt(LATE_REASONS.length)];
        }
        attendance.write(List.of(student.studentId(), day.toString(), status, reason));
        return status;
    }

    private int mood() {
        double draw = random.nextDouble();
        if (draw < 0.55) {
            return 0;
        }
        if (draw < 0.85) {
            return 1;
        }
        return draw < 0.97 ? 2 : 3;
    }

    private void writeLogs(TextFile logs, SampleStudent student, LocalDate day) {
        int statements = random.nextInt(7) + (inDevicePilot(student, day) ? PlantedEffects.DEVICE_PILOT_EXTRA_ACTIVITIES : 0);
        OffsetDateTime at = day.atTime(8, 45).atOffset(JST).plusMinutes(random.nextInt(60));
        for (int index = 0; index < statements; index++) {
            at = at.plusMinutes(5 + random.nextInt(50));
            logs.writeLine(statement(student, at).toString());
        }
    }

    private static boolean inDevicePilot(SampleStudent student, LocalDate day) {
        return PlantedEffects.DEVICE_PILOT_WARDS.contains(student.wardCode())
                && FiscalYears.of(day) == PlantedEffects.DEVICE_PILOT_FISCAL_YEAR;
    }

    private ObjectNode statement(SampleStudent student, OffsetDateTime at) {
        String verb = VERBS[random.nextInt(VERBS.length)];
        String subject = student.grade() >= 7 ? new String[] {"国語", "数学", "英語"}[random.nextInt(3)]
                : new String[] {"国語", "算数"}[random.nextInt(2)];
        ObjectNode statement = JSON.createObjectNode();
        statement.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.putObject("account").put("homePage", PLATFORM).put("name", student.studentId());
        statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb);
        ObjectNode object = statement.putObject("object");
        object.put("id", PLATFORM + "/activities/g" + student.grade() + "/unit" + (1 + random.nextInt(12)) + "/q" + (1 + random.nextInt(20)));
        object.putObject("definition").putObject("extensions").put("subject", subject);
        if ("answered".equals(verb) || "completed".equals(verb)) {
            ObjectNode result = statement.putObject("result");
            result.putObject("score").put("scaled", Math.round(random.nextDouble() * 100) / 100.0);
            result.put("completion", "completed".equals(verb));
            result.putObject("extensions").put("duration_seconds", 20 + random.nextInt(900));
        }
        statement.put("timestamp", at.toString());
        return statement;
    }

    private void writeVisit(DelimitedFile visits, SampleStudent student, LocalDate day) {
        OffsetDateTime at = day.atTime(9, 0).atOffset(JST).plusMinutes(random.nextInt(390));
        visits.write(List.of(new UUID(random.nextLong(), random.nextLong()).toString(), student.studentId(), at.toString(),
                COMPLAINTS[random.nextInt(COMPLAINTS.length)], Integer.toString(5 + random.nextInt(55)),
                random.nextDouble() < 0.08 ? "1" : "0"));
    }

    /** School offices write dates in the Japanese era, e.g. 令和7年3月31日. */
    private static String japaneseDate(LocalDate day) {
        int reiwa = day.getYear() - 2018;
        return "令和" + (reiwa == 1 ? "元" : Integer.toString(reiwa)) + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static List<LocalDate> schoolDaysUpTo(LocalDate lastDay, int days) {
        List<LocalDate> found = new ArrayList<>();
        LocalDate day = lastDay;
        while (found.size() < days) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                found.add(0, day);
            }
            day = day.minusDays(1);
        }
        return found;
    }
}
