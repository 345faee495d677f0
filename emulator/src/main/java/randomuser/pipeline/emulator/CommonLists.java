package randomuser.pipeline.emulator;

import java.util.List;
import java.util.Map;

/** Lists shared by all nationalities: username words, passwords, titles and time zones. */
final class CommonLists {

    private static final Map<String, List<String>> WORDS = ListResource.read("common");

    static final List<String> ADJECTIVES = WORDS.get("adjectives");
    static final List<String> ANIMALS = WORDS.get("animals");
    static final List<String> PASSWORDS = WORDS.get("passwords");

    static final List<String> FEMALE_TITLES = List.of("Miss", "Mrs", "Ms");
    static final String MALE_TITLE = "Mr";
    static final List<String> SWISS_FEMALE_TITLES = List.of("Madame", "Mademoiselle");
    static final String SWISS_MALE_TITLE = "Monsieur";

    /**
     * The live list of 31 offsets loses its last entry (+12:00) to a loader bug, so 30 remain. Offsets
     * have no zero padding and zero has no sign.
     */
    static final List<User.TimeZone> TIME_ZONES = List.of(
            new User.TimeZone("-12:00", "Eniwetok, Kwajalein"),
            new User.TimeZone("-11:00", "Midway Island, Samoa"),
            new User.TimeZone("-10:00", "Hawaii"),
            new User.TimeZone("-9:00", "Alaska"),
            new User.TimeZone("-8:00", "Pacific Time (US & Canada)"),
            new User.TimeZone("-7:00", "Mountain Time (US & Canada)"),
            new User.TimeZone("-6:00", "Central Time (US & Canada), Mexico City"),
            new User.TimeZone("-5:00", "Eastern Time (US & Canada), Bogota, Lima"),
            new User.TimeZone("-4:00", "Atlantic Time (Canada), Caracas, La Paz"),
            new User.TimeZone("-3:30", "Newfoundland"),
            new User.TimeZone("-3:00", "Brazil, Buenos Aires, Georgetown"),
            new User.TimeZone("-2:00", "Mid-Atlantic"),
            new User.TimeZone("-1:00", "Azores, Cape Verde Islands"),
            new User.TimeZone("0:00", "Western Europe Time, London, Lisbon, Casablanca"),
            new User.TimeZone("+1:00", "Brussels, Copenhagen, Madrid, Paris"),
            new User.TimeZone("+2:00", "Kaliningrad, South Africa"),
            new User.TimeZone("+3:00", "Baghdad, Riyadh, Moscow, St. Petersburg"),
            new User.TimeZone("+3:30", "Tehran"),
            new User.TimeZone("+4:00", "Abu Dhabi, Muscat, Baku, Tbilisi"),
            new User.TimeZone("+4:30", "Kabul"),
            new User.TimeZone("+5:00", "Ekaterinburg, Islamabad, Karachi, Tashkent"),
            new User.TimeZone("+5:30", "Bombay, Calcutta, Madras, New Delhi"),
            new User.TimeZone("+5:45", "Kathmandu"),
            new User.TimeZone("+6:00", "Almaty, Dhaka, Colombo"),
            new User.TimeZone("+7:00", "Bangkok, Hanoi, Jakarta"),
            new User.TimeZone("+8:00", "Beijing, Perth, Singapore, Hong Kong"),
            new User.TimeZone("+9:00", "Tokyo, Seoul, Osaka, Sapporo, Yakutsk"),
            new User.TimeZone("+9:30", "Adelaide, Darwin"),
            new User.TimeZone("+10:00", "Eastern Australia, Guam, Vladivostok"),
            new User.TimeZone("+11:00", "Magadan, Solomon Islands, New Caledonia"));

    private CommonLists() {}
}
