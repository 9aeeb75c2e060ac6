package dev.jmicro.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the image's build does on the official Open Liberty base as well as on the stand-in that docker/local/ builds
 * (which the container test runs): the same Open Liberty release as the Maven build, a keystore configuration no
 * build step or entrypoint overwrites, and JVM options that each JVM reads as meant.
 */
class ImageFilesTest {

    private final DeploymentTree tree = DeploymentTree.get();
    private final String dockerfile = ServiceSources.read(tree.source("docker/liberty/Dockerfile"));

    /**
     * A floating base tag (full-java17-openj9-ubi-minimal) follows the newest release, which the build never
     * tested: the default base is the release of the root pom, and the stand-in is built from that release's zip.
     */
    @Test
    void theImagesRunTheOpenLibertyReleaseTheBuildTests() {
        String pom = ServiceSources.read(tree.source("pom.xml"));
        String tested = first(Pattern.compile("<openliberty.version>([^<]+)</openliberty.version>"), pom);
        assertEquals(tested, first(Pattern.compile("(?m)^ARG LIBERTY_VERSION=(\\S+)$"), dockerfile), "the Dockerfile");
        String base = first(Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)$"), dockerfile);
        assertEquals(
                "icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-full-java17-openj9-ubi-minimal",
                base,
                "the default base is the official image of exactly that release");
        String buildImages = ServiceSources.read(tree.source("docker/local/build-images.sh"));
        assertTrue(
                buildImages.contains("<openliberty.version>"),
                "docker/local/build-images.sh takes the release from the root pom");
    }

    /**
     * configure.sh writes a keystore configuration with a password fixed at build time unless one exists, and the
     * official entrypoint writes one at run time (failing on a read-only root) unless one exists: the image brings
     * its own first, naming the password each container's entrypoint sets.
     */
    @Test
    void theImageBringsAKeystoreConfigurationBeforeTheBaseWritesOne() {
        String copy = "docker/liberty/keystore.xml /config/configDropins/defaults/keystore.xml";
        int copied = dockerfile.indexOf(copy);
        int configured = dockerfile.indexOf("configure.sh \\");
        assertTrue(copied > 0 && configured > copied, "keystore.xml is in place before configure.sh runs");
        assertTrue(
                ServiceSources.read(tree.source("docker/liberty/keystore.xml"))
                        .contains("password=\"${keystore_password}\""),
                "its password is the variable the entrypoint sets");
        assertTrue(ServiceSources.read(tree.source("docker/liberty/bin/entrypoint.sh"))
                .contains("export keystore_password"));
    }

    /**
     * The options file is read by OpenJ9 (the official base) and HotSpot (the stand-in): each ignores the other's
     * -XX options but stops at a -X option it does not know, so only -X options both have may be there, and each
     * option says which JVM it is for.
     */
    @Test
    void everyJvmOptionIsOneBothJvmsAcceptAndSaysWhichReadsIt() {
        List<String> faults = new ArrayList<>();
        String comment = "";
        boolean afterOption = false;
        for (String line :
                ServiceSources.read(tree.source("docker/liberty/jvm.options")).split("\n")) {
            if (line.startsWith("#")) {
                // A comment after options begins the next block; the options below it belong to it.
                comment = afterOption ? line : comment + line;
                afterOption = false;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            afterOption = true;
            if (!line.startsWith("-XX:") && !line.matches("-X(ss|ms|mx)\\d+[kmg]")) {
                faults.add(line + ": a -X option one of the JVMs refuses");
            }
            if (!comment.matches(".*# (Both|HotSpot|OpenJ9)[ :].*")) {
                faults.add(line + ": no comment says which JVM reads it");
            }
        }
        assertEquals(List.of(), faults, "docker/liberty/jvm.options");
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no " + pattern + " found");
        return matcher.group(1);
    }
}
