package randomuser.pipeline.emulator;

import java.util.Locale;
import java.util.Optional;

/**
 * The 21 nationality codes of API v1.4, in the live server's order (alphabetical; an 18-character
 * seed's last two hex digits index this order). Each knows the facts that shape its users' JSON
 * types: whether {@code location.postcode} is a string, and whether {@code id.value} is null.
 */
public enum Nationality {
    AU("Australia", false, "TFN"),
    BR("Brazil", false, "CPF"),
    CA("Canada", true, "SIN"),
    CH("Switzerland", false, "AVS"),
    DE("Germany", false, "SVNR"),
    DK("Denmark", false, "CPR"),
    ES("Spain", false, "DNI"),
    FI("Finland", false, "HETU"),
    FR("France", false, "INSEE"),
    GB("United Kingdom", true, "NINO"),
    IE("Ireland", false, "PPS"),
    IN("India", false, "UIDAI"),
    IR("Iran", false, ""),
    MX("Mexico", false, "NSS"),
    NL("Netherlands", true, "BSN"),
    NO("Norway", true, "FN"),
    NZ("New Zealand", false, ""),
    RS("Serbia", false, "SID"),
    TR("Turkey", false, ""),
    UA("Ukraine", false, ""),
    US("United States", false, "SSN");

    private final String country;
    private final boolean postcodeIsString;
    private final String idName;

    Nationality(String country, boolean postcodeIsString, String idName) {
        this.country = country;
        this.postcodeIsString = postcodeIsString;
        this.idName = idName;
    }

    /** {@code location.country}: the full English name. */
    public String country() {
        return country;
    }

    /** True for CA, GB, NL and NO, whose {@code location.postcode} is a JSON string; others give integers. */
    public boolean postcodeIsString() {
        return postcodeIsString;
    }

    /** {@code id.name}; empty for IR, NZ, TR and UA. */
    public String idName() {
        return idName;
    }

    /** True for IR, NZ, TR and UA, whose {@code id.value} is JSON null. */
    public boolean idValueIsNull() {
        return idName.isEmpty();
    }

    /** The nationality for a code in any case, as the {@code nat} parameter accepts it. */
    public static Optional<Nationality> fromCode(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        for (Nationality nat : values()) {
            if (nat.name().equals(upper)) {
                return Optional.of(nat);
            }
        }
        return Optional.empty();
    }
}
