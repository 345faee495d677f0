package randomuser.pipeline.fetcher.mapping;

/** A field whose API value cannot be normalised to the catalogue's type. */
public final class InvalidFieldException extends Exception {

    public InvalidFieldException(String path, String problem) {
        super(path + " " + problem);
    }
}
