package randomuser.pipeline.emulator;

/** One generated user, every field present; {@link UserJsonWriter} leaves out the excluded ones. */
record User(
        String gender,
        Name name,
        Location location,
        String email,
        Login login,
        Dated dob,
        Dated registered,
        String phone,
        String cell,
        Id id,
        Picture picture,
        Nationality nat) {

    record Name(String title, String first, String last) {}

    record Location(
            int streetNumber,
            String streetName,
            String city,
            String state,
            String country,
            Postcode postcode,
            String latitude,
            String longitude,
            TimeZone timezone) {}

    /** A postcode is a JSON integer or a JSON string depending on the nationality. */
    record Postcode(int number, String text) {
        static Postcode of(int number) {
            return new Postcode(number, null);
        }

        static Postcode of(String text) {
            return new Postcode(0, text);
        }

        boolean isString() {
            return text != null;
        }
    }

    record TimeZone(String offset, String description) {}

    /**
     * The login block. The digests are computed only when login is written (they are the costly part),
     * so the password and salt are kept and the hashes derived on demand.
     */
    record Login(String uuid, String username, String password, String salt) {}

    /** {@code dob} and {@code registered}: an ISO-8601 date and the whole years since then. */
    record Dated(String date, int age) {}

    /** {@code id.value} is null for IR, NZ, TR and UA. */
    record Id(String name, String value) {}

    record Picture(String large, String medium, String thumbnail) {}
}
