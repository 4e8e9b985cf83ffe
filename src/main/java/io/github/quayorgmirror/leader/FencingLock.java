package io.github.quayorgmirror.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.function.LongSupplier;

/**
 * fabric8's Lease lock, telling the {@link LeadershipFence} of each successful write that names this instance as
 * holder (acquire and renew): fabric8's elector has no callback for a renew.
 */
final class FencingLock implements Lock {

    private final Lock lease;
    private final LeadershipFence fence;
    private final LongSupplier nanoClock;

    FencingLock(Lock lease, LeadershipFence fence, LongSupplier nanoClock) {
        this.lease = lease;
        this.fence = fence;
        this.nanoClock = nanoClock;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return lease.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long sent = nanoClock.getAsLong();
        lease.create(client, record);
        heldAfterWrite(record, sent);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long sent = nanoClock.getAsLong();
        lease.update(client, record);
        heldAfterWrite(record, sent);
    }

    private void heldAfterWrite(LeaderElectionRecord record, long sent) {
        if (identity().equals(record.getHolderIdentity())) {
            fence.renewed(sent);
        } else {
            fence.revoke(); // the release
        }
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }
}
