package randomuser.pipeline.stack.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistryTest {
    @Test
    void recognisesMavenThatCannotReachCentral() {
        assertTrue(Registry.MAVEN_CENTRAL.saysUnreachable("[ERROR] Failed to execute goal on project x: Could not "
                + "resolve dependencies for project a:b:pom:1: Could not transfer artifact org.apache.kafka:kafka_2.13:pom:4.1.1"
                + " from/to central: Unknown host: Temporary failure in name resolution"));
        assertFalse(Registry.MAVEN_CENTRAL.saysUnreachable("[ERROR] COMPILATION ERROR : Foo.java:[3,1] ';' expected"));
    }

    @Test
    void recognisesGoAndNpmNetworkErrors() {
        assertTrue(Registry.GO_MODULE_PROXY.saysUnreachable("go: github.com/FerretDB/FerretDB@v1.24.2: Get "
                + "\"https://proxy/github.com/...\": dial tcp: lookup proxy on 127.0.0.53:53: no such host"));
        assertFalse(Registry.GO_MODULE_PROXY.saysUnreachable("./main.go:12:2: undefined: ferretdb.Nope"));
        assertTrue(Registry.NPM.saysUnreachable("npm ERR! code ENOTFOUND\nnpm ERR! syscall getaddrinfo"));
        assertFalse(Registry.NPM.saysUnreachable("npm ERR! code EUSAGE\nnpm ERR! The `npm ci` command can only install with an existing package-lock.json"));
    }

    @Test
    void theMessageNamesTheRegistryAndWhatToCheck() {
        assertEquals("cannot reach Maven Central while installing the Kafka broker jars: check the network, "
                + "or the proxy/mirror settings in ~/.m2/settings.xml", Registry.MAVEN_CENTRAL.unreachableMessage("the Kafka broker jars"));
    }
}
