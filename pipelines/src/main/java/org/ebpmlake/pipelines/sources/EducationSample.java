package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.Ward;

/**
 * Schools (per ward, every third a junior high), their students and two years of the city's achievement
 * test for grades 3 to 9, with the device pilot's planted effect ({@link PlantedEffects}). The students it writes are handed on to the school-day and survey generators.
 */
final class EducationSample {
    private static final List<String> ELEMENTARY_SUBJECTS = List.of("国語", "算数");
    private static final List<String> JUNIOR_HIGH_SUBJECTS = List.of("国語", "数学", "英語");

    private final SplittableRandom random;
    private final CityWards wards;
    private final Scale scale;
    private final int latestSchoolYear;
    private final List<SampleStudent> students = new ArrayList<>();
    private final List<SampleSchool> schools = new ArrayList<>();

    EducationSample(long seed, CityWards wards, Scale scale, int latestSchoolYear) {
        this.random = new SplittableRandom(seed);
        this.wards = wards;
        this.scale = scale;
        this.latestSchoolYear = latestSchoolYear;
    }

    List<SourceFile> write(Path directory) {
        Path folder = directory.resolve("education");
        try (DelimitedFile schoolFile = DelimitedFile.create(folder.resolve("schools.csv"), StandardCharsets.UTF_8,
                        List.of("school_code", "school_name", "ward_code", "school_type"));
                DelimitedFile studentFile = DelimitedFile.create(folder.resolve("students.csv"), StandardCharsets.UTF_8,
                        List.of("student_id", "school_code", "grade", "class_name", "sex", "birth_month"));
                DelimitedFile scoreFile = DelimitedFile.create(folder.resolve("test_scores.csv"), StandardCharsets.UTF_8,
                        List.of("student_id", "school_year", "subject", "score"))) {
            int serial = 0;
            for (Ward ward : wards.all()) {
                for (int index = 0; index < scale.schoolsPerWard(); index++) {
                    serial++;
                    boolean juniorHigh = index % 3 == 2;
                    String code = schoolCode(juniorHigh, serial);
                    String type = juniorHigh ? "junior_high" : "elementary";
                    String name = ward.nameJa().replace("区", "") + (juniorHigh ? "第" + (index / 3 + 1) + "中学校" : "第" + (index + 1) + "小学校");
                    schoolFile.write(List.of(code, name, ward.code(), type));
                    writeStudents(studentFile, scoreFile, code, ward.code(), juniorHigh);
                }
            }
            return List.of(new SourceFile("schools", schoolFile.path()), new SourceFile("students", studentFile.path()),
                    new SourceFile("test_scores", scoreFile.path()));
        }
    }

    /** The students written by {@link #write}, in the order written. */
    List<SampleStudent> students() {
        return List.copyOf(students);
    }

    List<SampleSchool> schools() {
        return List.copyOf(schools);
    }

    private void writeStudents(DelimitedFile studentFile, DelimitedFile scoreFile, String code, String wardCode, boolean juniorHigh) {
        int firstGrade = juniorHigh ? 7 : 1;
        int lastGrade = juniorHigh ? 9 : 6;
        int before = students.size();
        // Schools differ in size, as the city's do (some have a single small class per grade): half to 1.75 times the
        // scale's average. Drawn from the school's own stream so the other samples' draws stay as they were.
        SplittableRandom sizes = new SplittableRandom(code.hashCode());
        double schoolSize = 0.5 + sizes.nextDouble() * 1.25;
        for (int grade = firstGrade; grade <= lastGrade; grade++) {
            int gradeSize = Math.max(2, (int) Math.round(scale.studentsPerGrade() * schoolSize) + sizes.nextInt(3) - 1);
            for (int seat = 0; seat < gradeSize; seat++) {
                String studentId = String.format("S%08d", students.size() + 1);
                students.add(new SampleStudent(studentId, code, grade, wardCode));
                studentFile.write(List.of(studentId, code, Integer.toString(grade), Integer.toString(1 + seat % 2),
                        random.nextBoolean() ? "1" : "2", Integer.toString(1 + random.nextInt(12))));
                writeScores(scoreFile, studentId, grade, juniorHigh, PlantedEffects.DEVICE_PILOT_WARDS.contains(wardCode));
            }
        }
        schools.add(new SampleSchool(code, juniorHigh, students.size() - before));
    }

    private void writeScores(DelimitedFile scoreFile, String studentId, int grade, boolean juniorHigh, boolean inDevicePilot) {
        double ability = random.nextGaussian() * 12;
        for (int year = latestSchoolYear - 1; year <= latestSchoolYear; year++) {
            int gradeThatYear = grade - (latestSchoolYear - year);
            if (gradeThatYear < 3) {
                continue;
            }
            for (String subject : gradeThatYear >= 7 || juniorHigh ? JUNIOR_HIGH_SUBJECTS : ELEMENTARY_SUBJECTS) {
                double pilot = inDevicePilot && year == PlantedEffects.DEVICE_PILOT_FISCAL_YEAR ? PlantedEffects.DEVICE_PILOT_SCORE_POINTS : 0;
                long score = Math.round(Math.max(0, Math.min(100, 62 + pilot + ability + random.nextGaussian() * 10)));
                scoreFile.write(List.of(studentId, Integer.toString(year), subject, Long.toString(score)));
            }
        }
    }

    /** MEXT's 13-character school code: type (B1 elementary, C1 junior high), prefecture 27, public (2), serial, check digit. */
    private static String schoolCode(boolean juniorHigh, int serial) {
        String body = (juniorHigh ? "C1" : "B1") + "27" + "2" + String.format("%07d", serial);
        int sum = 0;
        for (char c : body.substring(2).toCharArray()) {
            sum += c - '0';
        }
        return body + (sum % 10);
    }
}
