package org.ebpmlake.pipelines.sources;

/**
 * How much sample data the generators write. {@code tiny} is for unit tests, {@code small} for
 * {@code ./lake run} (a whole run in about a minute), {@code city} for benchmarks: the city's real sizes
 * (about 2.75 million residents, 420 schools with 160,000 students, 10 million GPS pings a day), with one
 * school day of learning logs as the daily increment.
 *
 * @param schoolsPerWard every third school of a ward is a junior high school
 * @param studentsPerGrade students in each grade of an average school (schools range from half to 1.75 times it)
 * @param gpsDevices devices seen around Midosuji on one day (about 10 pings each), before the seasonal swing
 * @param schoolDays school days of learning logs, mood check-ins, attendance and nurse visits
 */
public enum Scale {
    TINY(500, 1, 4, 100, 2),
    SMALL(20_000, 3, 8, 2_000, 2),
    CITY(2_750_000, 18, 74, 770_000, 1);

    private final int residents;
    private final int schoolsPerWard;
    private final int studentsPerGrade;
    private final int gpsDevices;
    private final int schoolDays;

    Scale(int residents, int schoolsPerWard, int studentsPerGrade, int gpsDevices, int schoolDays) {
        this.residents = residents;
        this.schoolsPerWard = schoolsPerWard;
        this.studentsPerGrade = studentsPerGrade;
        this.gpsDevices = gpsDevices;
        this.schoolDays = schoolDays;
    }

    public int residents() {
        return residents;
    }

    public int schoolsPerWard() {
        return schoolsPerWard;
    }

    public int studentsPerGrade() {
        return studentsPerGrade;
    }

    public int gpsDevices() {
        return gpsDevices;
    }

    public int schoolDays() {
        return schoolDays;
    }
}
