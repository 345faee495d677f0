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
    void recognisesNpmNetworkErrors() {
        assertTrue(Registry.NPM.saysUnreachable("npm ERR! code ENOTFOUND\nnpm ERR! syscall getaddrinfo"));
        assertFalse(
                Registry.NPM.saysUnreachable(
                        "npm ERR! code EUSAGE\nnpm ERR! The `npm ci` command can only install with an existing package-lock.json"));
    }

    @Test
    void recognisesPipThatCannotReachPyPi() {
        assertTrue(
                Registry.PYPI.saysUnreachable(
                        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, "
                                + "status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection "
                                + "object>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')'"));
        assertTrue(Registry.PYPI.saysUnreachable("ERROR: Could not find a version that satisfies the requirement "
                + "apache-airflow==3.1.8 (from versions: none)"));
        assertFalse(Registry.PYPI.saysUnreachable("ERROR: Cannot install apache-airflow==3.1.8 because these package "
                + "versions have conflicting dependencies."));
        assertEquals(
                "cannot reach PyPI while installing Airflow: check the network, or pip's index and proxy settings "
                        + "(`pip config list`, PIP_INDEX_URL, HTTPS_PROXY)",
                Registry.PYPI.unreachableMessage("Airflow"));
    }

    @Test
    void theMessageNamesTheRegistryAndWhatToCheck() {
        assertEquals(
                "cannot reach Maven Central while installing the Kafka broker jars: check the network, "
                        + "or the proxy/mirror settings in ~/.m2/settings.xml",
                Registry.MAVEN_CENTRAL.unreachableMessage("the Kafka broker jars"));
    }
}
