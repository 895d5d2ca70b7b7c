package org.familyjourney.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Made-up families for the benchmark: first names from a short list and invented surnames, phone
 * numbers from Ofcom's drama range, addresses on invented streets, emails at example.org. Nothing real.
 */
final class FictionalFamilies {

    private static final List<String> PARENTS = List.of("Sam", "Alex", "Jo", "Robin", "Charlie", "Jamie", "Kim", "Lee",
            "Morgan", "Casey", "Riley", "Frankie", "Sky", "Toni", "Jess", "Dani");
    private static final List<String> CHILDREN = List.of("Kit", "Ash", "Rowan", "Ellis", "Finley", "Remy", "Wren", "Ari",
            "Jude", "Sasha", "Nico", "Romy", "Indy", "Bay", "Marlo", "Oak");
    private static final List<String> SURNAMES = List.of("Brackenfold", "Ashgrove", "Pellingham", "Quillstone", "Marrowby",
            "Tindlewick", "Fernsworth", "Oddlebury", "Haverlock", "Wrenfield", "Copperdale", "Thistlewood", "Mossbank",
            "Larkspur", "Pebbleton", "Underhay", "Kestrelby", "Nettlecombe", "Willowmere", "Bramblecote");
    private static final List<String> STREETS = List.of("Lantern Row", "Gorse Lane", "Tinker Street", "Heron Walk",
            "Kiln Road", "Orchard Close", "Sparrow Way", "Mill Yard");
    private static final List<String> DISTRICTS = List.of("M14", "M16", "M20", "M21", "M8", "M9", "M11", "M12");
    private static final List<String> SCHOOLS = List.of("Brookside Primary", "Oakfield Academy", "Larkhill Juniors",
            "St Wendel's Primary", "Meadowbank High");
    private static final List<String> CONCERNS = List.of("GOOD_EDUCATION", "EARLY_YEARS", "MENTAL_AND_PHYSICAL_HEALTH",
            "FAMILY_RELATIONSHIPS", "SECURE_HOUSING", "FINANCIAL_STABILITY");
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    record Child(String name, LocalDate dateOfBirth, String school) {
    }

    record Family(String parentName, String phone, String email, String address, String postcode, List<Child> children,
                  List<String> concerns) {
    }

    private FictionalFamilies() {
    }

    static Family next(RandomGenerator random) {
        String surname = pick(random, SURNAMES);
        String parent = pick(random, PARENTS) + " " + surname;
        List<Child> children = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            children.add(new Child(pick(random, CHILDREN) + " " + surname,
                    LocalDate.of(2010 + random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28)), pick(random, SCHOOLS)));
        }
        String postcode = pick(random, DISTRICTS) + " " + random.nextInt(10)
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length())) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        List<String> concerns = List.of(pick(random, CONCERNS));
        return new Family(parent, "07700 900%03d".formatted(random.nextInt(1000)),
                parent.toLowerCase().replace(' ', '.') + random.nextInt(10_000) + "@example.org",
                (1 + random.nextInt(120)) + " " + pick(random, STREETS), postcode, children, concerns);
    }

    /**
     * The family as the referral API takes it, referred by a school with the parent's consent; the
     * children are as old on the engine's {@code today} as they were in 2026 (moved clocks run years ahead).
     */
    static Map<String, Object> referral(Family family, String consentAt, LocalDate today) {
        int yearsOn = Math.max(0, today.getYear() - 2026);
        return Map.of(
                "source", "SCHOOL",
                "referrer", Map.of("name", "Ms Ada Fenwick", "organisation", family.children().getFirst().school(),
                        "email", "office@school.example"),
                "parent", Map.of("name", family.parentName(), "phone", family.phone(), "email", family.email(),
                        "address", family.address(), "postcode", family.postcode()),
                "children", family.children().stream().map(c -> Map.of("name", c.name(), "dateOfBirth", c.dateOfBirth().plusYears(yearsOn).toString(),
                        "school", c.school())).toList(),
                "concerns", family.concerns(),
                "details", "Attendance has fallen this term.",
                "consent", Map.of("given", true, "by", family.parentName(), "at", consentAt));
    }

    private static <T> T pick(RandomGenerator random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
