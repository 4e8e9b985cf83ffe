package io.github.quayorgmirror.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.resource.OwnWrites;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnWritesTest {

    private static final String KEY = "team-a/mirror";

    private final OwnWrites ownWrites = new OwnWrites();

    @Test
    void nothingWrittenLeavesTheCachedObject() {
        GenericKubernetesResource cached = version("7", "cached");

        assertThat(ownWrites.freshest(KEY, cached)).isSameAs(cached);
        assertThat(ownWrites.freshest(KEY, null)).isNull();
    }

    @Test
    void aCacheStillShowingTheReplacedVersionGivesWhatWeWrote() {
        ownWrites.wrote(version("8", "written"), version("7", "before"));

        GenericKubernetesResource freshest = ownWrites.freshest(KEY, version("7", "before"));

        assertThat(note(freshest)).isEqualTo("written");
        assertThat(ownWrites.size()).as("kept until the cache catches up").isEqualTo(1);
    }

    @Test
    void aCacheShowingOurWriteOrAnythingElseWinsAndEndsTheRecord() {
        ownWrites.wrote(version("8", "written"), version("7", "before"));
        assertThat(note(ownWrites.freshest(KEY, version("8", "cached")))).isEqualTo("cached");
        assertThat(ownWrites.size()).isZero();

        ownWrites.wrote(version("10", "written"), version("9", "before"));
        // an opaque version never seen: someone else's change after ours, or a new object of the same name
        assertThat(note(ownWrites.freshest(KEY, version("abc", "someone else's")))).isEqualTo("someone else's");
        assertThat(ownWrites.size()).isZero();
    }

    @Test
    void successiveWritesAheadOfTheCacheKeepEveryVersionTheyReplaced() {
        // the finalizer, then the status written on top of it; the status write met a conflict and
        // was based on the object read after it
        ownWrites.wrote(version("8", "finalizer"), version("7", "loaded"));
        ownWrites.wrote(version("11", "status"), version("8", "finalizer"), version("10", "read after the conflict"));

        for (String stale : new String[] {"7", "8", "10"}) {
            assertThat(note(ownWrites.freshest(KEY, version(stale, "stale")))).as(stale).isEqualTo("status");
        }
    }

    @Test
    void aDeletedResourceIsForgotten() {
        ownWrites.wrote(version("8", "written"), version("7", "before"));

        assertThat(ownWrites.freshest(KEY, null)).isNull();
        assertThat(ownWrites.size()).isZero();
    }

    @Test
    void whatIsHandedOutIsACopy() {
        ownWrites.wrote(version("8", "written"), version("7", "before"));

        ownWrites.freshest(KEY, version("7", "before")).getAdditionalProperties().put("spec", Map.of("note", "changed"));

        assertThat(note(ownWrites.freshest(KEY, version("7", "before")))).isEqualTo("written");
    }

    private static GenericKubernetesResource version(String resourceVersion, String note) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion(MirrorResource.API_VERSION);
        resource.setKind(MirrorResource.KIND);
        resource.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("mirror")
                .withResourceVersion(resourceVersion).build());
        resource.getAdditionalProperties().put("spec", Map.of("note", note));
        return resource;
    }

    @SuppressWarnings("unchecked")
    private static String note(GenericKubernetesResource resource) {
        return ((Map<String, Object>) resource.getAdditionalProperties().get("spec")).get("note").toString();
    }

    @Test
    void theCacheCatchingUpWithOurWriteEndsTheRecordWithoutAPass() {
        ownWrites.wrote(version("8", "written"), version("7", "before"));

        ownWrites.cacheShows(version("7", "before"));
        assertThat(ownWrites.size()).as("an event of a replaced version: still ahead of the cache").isEqualTo(1);

        ownWrites.cacheShows(version("8", "echo"));
        assertThat(ownWrites.size()).isZero();
        GenericKubernetesResource cached = version("8", "echo");
        assertThat(ownWrites.freshest(KEY, cached)).isSameAs(cached);
    }
}
