package randomuser.pipeline.stack.probe;

/** The answer of a health probe: healthy or not, and the evidence (what was asked, what came back). */
public record Health(boolean healthy, String evidence) {
    public static Health up(String evidence) {
        return new Health(true, evidence);
    }

    public static Health down(String evidence) {
        return new Health(false, evidence);
    }
}
