package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.Ward;

/**
 * A resident registry reduced to the five quasi-identifiers of the de-identification benchmark (age, sex,
 * ward, nationality, household size), generated in memory from a seed the way the sample source generates
 * households: one to five people, spread over the wards by census population, 3.5 % of households foreign (eight
 * foreign nationality codes beside Japan's).
 */
record SyntheticRegistry(long seed, int residents) {
    static final List<String> COLUMNS = List.of("age", "sex", "ward_code", "nationality", "household_size");
    /** Nine nationality codes: Japan and eight foreign ones, as the registry's extract codes them. */
    static final List<String> NATIONALITIES = List.of("日本", "韓国", "中国", "ベトナム", "フィリピン", "ネパール", "ブラジル",
            "米国", "その他");
    private static final String[] SEXES = {"男", "女"};
    static final int MAXIMUM_AGE = 104;
    static final int MAXIMUM_HOUSEHOLD = 5;

    SyntheticRegistry {
        if (residents < 1) {
            throw new IllegalArgumentException("residents must be positive, got " + residents);
        }
    }

    Table generate(CityWards wards) {
        requireNonNull(wards, "wards is null");
        SplittableRandom random = new SplittableRandom(seed);
        String[] ages = new String[MAXIMUM_AGE + 1];
        for (int age = 0; age <= MAXIMUM_AGE; age++) {
            ages[age] = Integer.toString(age);
        }
        List<String[]> rows = new ArrayList<>(residents);
        while (rows.size() < residents) {
            Ward ward = wards.atPopulationShare(random.nextDouble());
            String nationality = "日本";
            if (random.nextDouble() < 0.035) {
                nationality = NATIONALITIES.get(1 + random.nextInt(NATIONALITIES.size() - 1));
            }
            int size = 1 + Math.min(MAXIMUM_HOUSEHOLD - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
            int headAge = 20 + random.nextInt(70);
            String household = Integer.toString(size);
            for (int member = 0; member < size && rows.size() < residents; member++) {
                int age = headAge;
                if (member == 1) {
                    age = Math.max(18, headAge + random.nextInt(11) - 5);
                } else if (member > 1) {
                    age = Math.max(0, headAge - 22 - random.nextInt(15));
                }
                age = Math.min(MAXIMUM_AGE, age + (random.nextDouble() < 0.02 ? random.nextInt(15) : 0));
                rows.add(new String[] {ages[age], SEXES[random.nextInt(2)], ward.code(), nationality, household});
            }
        }
        return new Table(COLUMNS, rows);
    }
}
