package org.ebpmlake.pipelines.sources;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The teachers' ICT-skills survey (教員のICT活用指導力調査): one answer from 1 to 4 per teacher and item A1
 * to D4, one teacher per 20 students. Sent by the school board's office as CP932 with Japanese headers and
 * the fiscal year in the Japanese era.
 */
final class IctSurveySample {
    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final List<String> ITEMS = List.of("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4",
            "C1", "C2", "C3", "C4", "D1", "D2", "D3", "D4");

    private final SplittableRandom random;
    private final List<SampleSchool> schools;
    private final int surveyYear;

    IctSurveySample(long seed, List<SampleSchool> schools, int surveyYear) {
        this.random = new SplittableRandom(seed);
        this.schools = List.copyOf(schools);
        this.surveyYear = surveyYear;
    }

    SourceFile write(Path directory) {
        Path file = directory.resolve("education").resolve("ict_skills_survey.csv");
        try (DelimitedFile out = DelimitedFile.create(file, CP932, List.of("教員番号", "学校コード", "調査年度", "設問", "回答"))) {
            int teacher = 0;
            for (SampleSchool school : schools) {
                for (int index = 0; index < Math.max(1, school.students() / 20); index++) {
                    teacher++;
                    String teacherId = String.format("T%07d", teacher);
                    double confidence = random.nextGaussian() * 0.6;
                    for (String item : ITEMS) {
                        long answer = Math.round(Math.max(1, Math.min(4, 3.1 + confidence + random.nextGaussian() * 0.5)));
                        out.write(List.of(teacherId, school.schoolCode(), KpiActualSample.eraFiscalYear(surveyYear), item,
                                Long.toString(answer)));
                    }
                }
            }
        }
        return new SourceFile("ict_skills_survey", file);
    }
}
