package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.Ward;

/**
 * Schools (two elementary and one junior high per ward), their students and two years of the city's
 * achievement test for grades 3 to 9.
 */
final class EducationSample {
    private static final List<String> ELEMENTARY_SUBJECTS = List.of("国語", "算数");
    private static final List<String> JUNIOR_HIGH_SUBJECTS = List.of("国語", "数学", "英語");
    private static final int STUDENTS_PER_GRADE = 8;

    private final SplittableRandom random;
    private final CityWards wards;
    private final int latestSchoolYear;

    EducationSample(long seed, CityWards wards, int latestSchoolYear) {
        this.random = new SplittableRandom(seed);
        this.wards = wards;
        this.latestSchoolYear = latestSchoolYear;
    }

    List<SourceFile> write(Path directory) {
        List<List<String>> schools = new ArrayList<>();
        List<List<String>> students = new ArrayList<>();
        List<List<String>> scores = new ArrayList<>();
        int serial = 0;
        int studentNumber = 0;
        for (Ward ward : wards.all()) {
            for (int index = 0; index < 3; index++) {
                serial++;
                boolean juniorHigh = index == 2;
                String code = schoolCode(juniorHigh, serial);
                String type = juniorHigh ? "junior_high" : "elementary";
                String name = ward.nameJa().replace("区", "") + (juniorHigh ? "中学校" : "第" + (index + 1) + "小学校");
                schools.add(List.of(code, name, ward.code(), type));
                int firstGrade = juniorHigh ? 7 : 1;
                int lastGrade = juniorHigh ? 9 : 6;
                for (int grade = firstGrade; grade <= lastGrade; grade++) {
                    for (int seat = 0; seat < STUDENTS_PER_GRADE; seat++) {
                        studentNumber++;
                        String studentId = String.format("S%08d", studentNumber);
                        students.add(List.of(studentId, code, Integer.toString(grade), Integer.toString(1 + seat % 2),
                                random.nextBoolean() ? "1" : "2", Integer.toString(1 + random.nextInt(12))));
                        addScores(scores, studentId, grade, juniorHigh);
                    }
                }
            }
        }
        Path folder = directory.resolve("education");
        return List.of(
                new SourceFile("schools", DelimitedFile.write(folder.resolve("schools.csv"), StandardCharsets.UTF_8,
                        List.of("school_code", "school_name", "ward_code", "school_type"), schools)),
                new SourceFile("students", DelimitedFile.write(folder.resolve("students.csv"), StandardCharsets.UTF_8,
                        List.of("student_id", "school_code", "grade", "class_name", "sex", "birth_month"), students)),
                new SourceFile("test_scores", DelimitedFile.write(folder.resolve("test_scores.csv"), StandardCharsets.UTF_8,
                        List.of("student_id", "school_year", "subject", "score"), scores)));
    }

    private void addScores(List<List<String>> scores, String studentId, int grade, boolean juniorHigh) {
        double ability = random.nextGaussian() * 12;
        for (int year = latestSchoolYear - 1; year <= latestSchoolYear; year++) {
            int gradeThatYear = grade - (latestSchoolYear - year);
            if (gradeThatYear < 3) {
                continue;
            }
            for (String subject : gradeThatYear >= 7 || juniorHigh ? JUNIOR_HIGH_SUBJECTS : ELEMENTARY_SUBJECTS) {
                long score = Math.round(Math.max(0, Math.min(100, 62 + ability + random.nextGaussian() * 10)));
                scores.add(List.of(studentId, Integer.toString(year), subject, Long.toString(score)));
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
