package randomuser.pipeline.emulator;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

/** Writes one user with the live key order, leaving out the fields not in {@code fields}. */
final class UserJsonWriter {

    // field names pre-encoded once: writing them is most of the serialisation time
    private static final SerializedString F_AGE = new SerializedString("age");
    private static final SerializedString F_CELL = new SerializedString("cell");
    private static final SerializedString F_CITY = new SerializedString("city");
    private static final SerializedString F_COORDINATES = new SerializedString("coordinates");
    private static final SerializedString F_COUNTRY = new SerializedString("country");
    private static final SerializedString F_DATE = new SerializedString("date");
    private static final SerializedString F_DESCRIPTION = new SerializedString("description");
    private static final SerializedString F_DOB = new SerializedString("dob");
    private static final SerializedString F_EMAIL = new SerializedString("email");
    private static final SerializedString F_FIRST = new SerializedString("first");
    private static final SerializedString F_GENDER = new SerializedString("gender");
    private static final SerializedString F_ID = new SerializedString("id");
    private static final SerializedString F_LARGE = new SerializedString("large");
    private static final SerializedString F_LAST = new SerializedString("last");
    private static final SerializedString F_LATITUDE = new SerializedString("latitude");
    private static final SerializedString F_LOCATION = new SerializedString("location");
    private static final SerializedString F_LOGIN = new SerializedString("login");
    private static final SerializedString F_LONGITUDE = new SerializedString("longitude");
    private static final SerializedString F_MD5 = new SerializedString("md5");
    private static final SerializedString F_MEDIUM = new SerializedString("medium");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_NAT = new SerializedString("nat");
    private static final SerializedString F_NUMBER = new SerializedString("number");
    private static final SerializedString F_OFFSET = new SerializedString("offset");
    private static final SerializedString F_PASSWORD = new SerializedString("password");
    private static final SerializedString F_PHONE = new SerializedString("phone");
    private static final SerializedString F_PICTURE = new SerializedString("picture");
    private static final SerializedString F_POSTCODE = new SerializedString("postcode");
    private static final SerializedString F_REGISTERED = new SerializedString("registered");
    private static final SerializedString F_SALT = new SerializedString("salt");
    private static final SerializedString F_SHA1 = new SerializedString("sha1");
    private static final SerializedString F_SHA256 = new SerializedString("sha256");
    private static final SerializedString F_STATE = new SerializedString("state");
    private static final SerializedString F_STREET = new SerializedString("street");
    private static final SerializedString F_THUMBNAIL = new SerializedString("thumbnail");
    private static final SerializedString F_TIMEZONE = new SerializedString("timezone");
    private static final SerializedString F_TITLE = new SerializedString("title");
    private static final SerializedString F_USERNAME = new SerializedString("username");
    private static final SerializedString F_UUID = new SerializedString("uuid");
    private static final SerializedString F_VALUE = new SerializedString("value");

    private UserJsonWriter() {}

    static void write(JsonGenerator g, User u, Set<Field> fields) throws IOException {
        g.writeStartObject();
        if (fields.contains(Field.GENDER)) {
            string(g, F_GENDER, u.gender());
        }
        if (fields.contains(Field.NAME)) {
            startObject(g, F_NAME);
            string(g, F_TITLE, u.name().title());
            string(g, F_FIRST, u.name().first());
            string(g, F_LAST, u.name().last());
            g.writeEndObject();
        }
        if (fields.contains(Field.LOCATION)) {
            writeLocation(g, u.location());
        }
        if (fields.contains(Field.EMAIL)) {
            string(g, F_EMAIL, u.email());
        }
        if (fields.contains(Field.LOGIN)) {
            writeLogin(g, u.login());
        }
        if (fields.contains(Field.DOB)) {
            writeDated(g, F_DOB, u.dob());
        }
        if (fields.contains(Field.REGISTERED)) {
            writeDated(g, F_REGISTERED, u.registered());
        }
        if (fields.contains(Field.PHONE)) {
            string(g, F_PHONE, u.phone());
        }
        if (fields.contains(Field.CELL)) {
            string(g, F_CELL, u.cell());
        }
        if (fields.contains(Field.ID)) {
            startObject(g, F_ID);
            string(g, F_NAME, u.id().name());
            string(g, F_VALUE, u.id().value());
            g.writeEndObject();
        }
        if (fields.contains(Field.PICTURE)) {
            startObject(g, F_PICTURE);
            string(g, F_LARGE, u.picture().large());
            string(g, F_MEDIUM, u.picture().medium());
            string(g, F_THUMBNAIL, u.picture().thumbnail());
            g.writeEndObject();
        }
        if (fields.contains(Field.NAT)) {
            string(g, F_NAT, u.nat().name());
        }
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, User.Location l) throws IOException {
        startObject(g, F_LOCATION);
        startObject(g, F_STREET);
        number(g, F_NUMBER, l.streetNumber());
        string(g, F_NAME, l.streetName());
        g.writeEndObject();
        string(g, F_CITY, l.city());
        string(g, F_STATE, l.state());
        string(g, F_COUNTRY, l.country());
        if (l.postcode().isString()) {
            string(g, F_POSTCODE, l.postcode().text());
        } else {
            number(g, F_POSTCODE, l.postcode().number());
        }
        startObject(g, F_COORDINATES);
        string(g, F_LATITUDE, l.latitude());
        string(g, F_LONGITUDE, l.longitude());
        g.writeEndObject();
        startObject(g, F_TIMEZONE);
        string(g, F_OFFSET, l.timezone().offset());
        string(g, F_DESCRIPTION, l.timezone().description());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeLogin(JsonGenerator g, User.Login login) throws IOException {
        String salted = login.password() + login.salt();
        startObject(g, F_LOGIN);
        string(g, F_UUID, login.uuid());
        string(g, F_USERNAME, login.username());
        string(g, F_PASSWORD, login.password());
        string(g, F_SALT, login.salt());
        string(g, F_MD5, Digests.md5(salted));
        string(g, F_SHA1, Digests.sha1(salted));
        string(g, F_SHA256, Digests.sha256(salted));
        g.writeEndObject();
    }

    private static void writeDated(JsonGenerator g, SerializedString key, User.Dated dated) throws IOException {
        startObject(g, key);
        string(g, F_DATE, dated.date());
        number(g, F_AGE, dated.age());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value); // a null value is written as JSON null
    }

    private static void number(JsonGenerator g, SerializedString name, int value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void startObject(JsonGenerator g, SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }
}
