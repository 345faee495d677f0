package randomuser.pipeline.stack;

/** Where the stack reports what it is doing (installing, starting, waiting), one line at a time. */
@FunctionalInterface
public interface Progress {
    void line(String text);

    static Progress toStandardOutput() {
        return text -> {
            System.out.println(text);
            System.out.flush();
        };
    }

    static Progress silent() {
        return text -> {};
    }
}
