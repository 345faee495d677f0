package randomuser.pipeline.stack.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MavenLayoutStepTest {
    @Test
    void fingerprintsTheParentsVersionPropertiesWithoutComments() {
        String pom = "<project><modules><module>a</module></modules>\n<properties>\n  <!-- note\n spanning -->\n"
                + "  <kafka.version>4.1.1</kafka.version>\n  <spark.version>3.5.7</spark.version>\n</properties>"
                + "<dependencyManagement/></project>";
        assertEquals(
                " <kafka.version>4.1.1</kafka.version> <spark.version>3.5.7</spark.version> ",
                MavenLayoutStep.versionProperties(pom));
        assertEquals("", MavenLayoutStep.versionProperties("<project/>"));
    }
}
