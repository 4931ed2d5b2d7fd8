package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.Ward;

/**
 * A resident-registry extract: households of one to five people spread over the wards by their census
 * population, with names, birth dates, nationality, move-ins and My Number card issue dates.
 */
final class ResidentSample {
    private static final String[][] SURNAMES = {
        {"田中", "タナカ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"松本", "マツモト"}, {"井上", "イノウエ"},
        {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"山口", "ヤマグチ"}, {"小林", "コバヤシ"}, {"高橋", "タカハシ"},
        {"西村", "ニシムラ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"清水", "シミズ"}, {"藤原", "フジワラ"}};
    private static final String[][] GIVEN_NAMES = {
        {"翔太", "ショウタ"}, {"陽菜", "ヒナ"}, {"大輔", "ダイスケ"}, {"美咲", "ミサキ"}, {"健一", "ケンイチ"},
        {"由美", "ユミ"}, {"蓮", "レン"}, {"結衣", "ユイ"}, {"誠", "マコト"}, {"花子", "ハナコ"},
        {"拓也", "タクヤ"}, {"さくら", "サクラ"}, {"浩二", "コウジ"}, {"愛", "アイ"}, {"悠真", "ユウマ"}};
    private static final String[] TOWNS = {"本町", "中町", "東町", "西町", "南町", "北町", "新町", "栄町"};
    private static final String[] FOREIGN = {"韓国", "中国", "ベトナム", "フィリピン", "ネパール"};
    private static final List<String> HEADER = List.of("resident_id", "name_kanji", "name_kana", "sex", "birth_date",
            "ward_code", "town_name", "household_id", "relation_to_head", "nationality", "moved_in_on", "moved_in_from",
            "my_number_card_issued_on");
    private static final String[] ORIGINS = {"大阪府堺市", "兵庫県神戸市", "京都府京都市", "東京都", "奈良県奈良市", "国外"};

    private final SplittableRandom random;
    private final int residents;
    private final LocalDate asOf;
    private final CityWards wards;

    ResidentSample(long seed, int residents, LocalDate asOf, CityWards wards) {
        this.random = new SplittableRandom(seed);
        this.residents = residents;
        this.asOf = asOf;
        this.wards = wards;
    }

    SourceFile write(Path directory) {
        Path file = directory.resolve("residents").resolve("residents_" + asOf + ".csv");
        try (DelimitedFile out = DelimitedFile.create(file, StandardCharsets.UTF_8, HEADER)) {
            int written = 0;
            int household = 0;
            while (written < residents) {
                household++;
                Ward ward = wards.atPopulationShare(random.nextDouble());
                String town = ward.nameJa().replace("区", "") + TOWNS[random.nextInt(TOWNS.length)] + (1 + random.nextInt(5)) + "丁目";
                boolean foreign = random.nextDouble() < 0.035;
                String nationality = foreign ? FOREIGN[random.nextInt(FOREIGN.length)] : "日本";
                String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
                int size = 1 + Math.min(4, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.2));
                int headAge = 20 + random.nextInt(70);
                for (int member = 0; member < size && written < residents; member++) {
                    int age = ageOf(member, headAge);
                    written++;
                    out.write(resident(written, household, ward, town, nationality, surname, member, age));
                }
            }
        }
        return new SourceFile("residents", file);
    }

    /**
     * One day's changes to the registry as the registry office sends them: residents who moved in (new numbers)
     * or moved within the city, each with the day as their move-in date. Registry numbers follow {@link #write}'s.
     */
    SourceFile writeChanges(Path directory, int changes) {
        Path file = directory.resolve("residents").resolve("residents_changes_" + asOf + ".csv");
        try (DelimitedFile out = DelimitedFile.create(file, StandardCharsets.UTF_8, HEADER)) {
            for (int change = 0; change < changes; change++) {
                boolean movedIn = random.nextDouble() < 0.4;
                int number = movedIn ? residents + change + 1 : 1 + random.nextInt(residents);
                Ward ward = wards.atPopulationShare(random.nextDouble());
                String town = ward.nameJa().replace("区", "") + TOWNS[random.nextInt(TOWNS.length)] + (1 + random.nextInt(5)) + "丁目";
                List<String> row = new ArrayList<>(resident(number, number, ward, town, "日本",
                        SURNAMES[random.nextInt(SURNAMES.length)], 0, 20 + random.nextInt(60)));
                row.set(10, asOf.toString());
                row.set(11, movedIn ? ORIGINS[random.nextInt(ORIGINS.length)] : "市内");
                out.write(row);
            }
        }
        return new SourceFile("residents", file);
    }

    private List<String> resident(int number, int household, Ward ward, String town, String nationality,
            String[] surname, int member, int age) {
        String[] given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        String sex = random.nextBoolean() ? "1" : "2";
        LocalDate birth = asOf.minusYears(age).minusDays(random.nextInt(365));
        String relation = switch (member) {
            case 0 -> "世帯主";
            case 1 -> "1".equals(sex) ? "夫" : "妻";
            default -> "子";
        };
        String movedInOn = "";
        String movedInFrom = "";
        if (random.nextDouble() < 0.3) {
            movedInOn = asOf.minusDays(1 + random.nextInt(3650)).toString();
            movedInFrom = ORIGINS[random.nextInt(ORIGINS.length)];
        }
        String card = "";
        if (random.nextDouble() < 0.74) {
            card = LocalDate.of(2016, 1, 15).plusDays(random.nextInt((int) (asOf.toEpochDay() - LocalDate.of(2016, 1, 15).toEpochDay()))).toString();
        }
        return List.of(
                String.format("R%09d", number),
                surname[0] + " " + given[0],
                surname[1] + " " + given[1],
                sex,
                birth.toString(),
                ward.code(),
                town,
                String.format("H%08d", household),
                relation,
                nationality,
                movedInOn,
                movedInFrom,
                card);
    }

    private int ageOf(int member, int headAge) {
        if (member == 0) {
            return headAge;
        }
        if (member == 1) {
            return Math.max(18, headAge + random.nextInt(11) - 5);
        }
        return Math.max(0, headAge - 22 - random.nextInt(18));
    }
}
