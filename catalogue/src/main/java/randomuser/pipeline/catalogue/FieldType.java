package randomuser.pipeline.catalogue;

/** The normalised type of a facet field, as the fetcher produces it and the streaming job parses it. */
public enum FieldType {
    STRING,
    INTEGER,
    DOUBLE,
    /** An ISO-8601 instant string on the topic ("2001-05-28T10:00:00.000Z"); a BSON date in MongoDB. */
    TIMESTAMP
}
