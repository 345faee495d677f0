package randomuser.pipeline.stack.install;

import java.util.List;
import java.util.Locale;

/**
 * A package registry an install step downloads from, and how its client reports that it cannot reach it.
 * The patterns are the clients' own network error texts: a registry that is down must give one clear
 * message, not a page of resolver output.
 */
public enum Registry {
    MAVEN_CENTRAL(
            "Maven Central",
            "check the network, or the proxy/mirror settings in ~/.m2/settings.xml",
            List.of(
                    "could not transfer artifact",
                    "unknown host",
                    "connect timed out",
                    "connection refused",
                    "network is unreachable",
                    "no route to host",
                    "transfer failed for",
                    "temporary failure in name resolution",
                    "failed to read artifact descriptor")),
    NPM(
            "the npm registry",
            "check the network and `npm config get registry` (a proxy needs `npm config set proxy`)",
            List.of(
                    "enotfound",
                    "eai_again",
                    "econnrefused",
                    "etimedout",
                    "econnreset",
                    "enetunreach",
                    "network request to")),
    // pip says "(from versions: none)" when it could not list a package at all: with every version pinned
    // by the committed constraints, that means the index was not reachable.
    PYPI(
            "PyPI",
            "check the network, or pip's index and proxy settings (`pip config list`, PIP_INDEX_URL, HTTPS_PROXY)",
            List.of(
                    "failed to establish a new connection",
                    "max retries exceeded",
                    "temporary failure in name resolution",
                    "name or service not known",
                    "connection refused",
                    "network is unreachable",
                    "read timed out",
                    "connecttimeouterror",
                    "could not fetch url",
                    "(from versions: none)",
                    "proxyerror")),
    DEBIAN(
            "the Debian package repositories",
            "check the network, /etc/apt/sources.list and apt's proxy setting (Acquire::http::Proxy)",
            List.of(
                    "temporary failure resolving",
                    "could not resolve",
                    "failed to fetch",
                    "unable to connect to",
                    "could not connect to",
                    "connection timed out",
                    "network is unreachable"));

    private final String displayName;
    private final String hint;
    private final List<String> unreachablePatterns;

    Registry(String displayName, String hint, List<String> unreachablePatterns) {
        this.displayName = displayName;
        this.hint = hint;
        this.unreachablePatterns = unreachablePatterns;
    }

    public String displayName() {
        return displayName;
    }

    /** True when the client's output says the registry could not be reached. */
    public boolean saysUnreachable(String clientOutput) {
        String lower = clientOutput.toLowerCase(Locale.ROOT);
        return unreachablePatterns.stream().anyMatch(lower::contains);
    }

    public String unreachableMessage(String what) {
        return "cannot reach " + displayName + " while installing " + what + ": " + hint;
    }
}
