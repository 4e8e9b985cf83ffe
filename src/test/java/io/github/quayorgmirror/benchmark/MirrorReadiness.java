package io.github.quayorgmirror.benchmark;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.github.quayorgmirror.resource.MirrorResource;
import io.github.quayorgmirror.testing.ControllerHarness;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which mirrors exist and which are Ready for their generation, as a watch shows them. The benchmark used to
 * list every mirror ten times a second: at 10,000 mirrors each list cost the API server and this JVM more than
 * the changes it was waiting for. A watch costs one event per write.
 */
final class MirrorReadiness implements AutoCloseable {

    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<GenericKubernetesResource> informer;

    MirrorReadiness(KubernetesClient client) {
        informer = MirrorResource.api(client).inNamespace(ControllerHarness.NAMESPACE).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource mirror) {
                note(mirror);
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource mirror) {
                note(mirror);
            }

            @Override
            public void onDelete(GenericKubernetesResource mirror, boolean finalStateUnknown) {
                present.remove(mirror.getMetadata().getName());
                ready.remove(mirror.getMetadata().getName());
            }
        });
    }

    private void note(GenericKubernetesResource mirror) {
        String name = mirror.getMetadata().getName();
        present.add(name);
        if (ControllerHarness.isReady(mirror)) {
            ready.add(name);
        } else {
            ready.remove(name);
        }
    }

    int present() {
        return present.size();
    }

    int ready() {
        return ready.size();
    }

    @Override
    public void close() {
        informer.close();
    }
}
