package io.github.quayorgmirror.observe;

import io.github.quayorgmirror.leader.LeaderElection;
import io.github.quayorgmirror.queue.KeyedWorkQueue;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.support.service.ServiceSupport;

/** Registers {@link ControllerStatusMBean} beside Camel's own MBeans, on the platform MBean server. */
public class ControllerStatus extends ServiceSupport implements ControllerStatusMBean {

    public static final String OBJECT_NAME = "io.github.quayorgmirror:type=Controller";

    private final Supplier<KeyedWorkQueue> queue;
    private final ResourceCensus census;
    private final LeaderElection leaderElection;

    public ControllerStatus(Supplier<KeyedWorkQueue> queue, ResourceCensus census, LeaderElection leaderElection) {
        this.queue = queue;
        this.census = census;
        this.leaderElection = leaderElection;
    }

    /** One name per JVM: with several controllers in one JVM (tests) the newest one answers. */
    private static final AtomicReference<ControllerStatus> REGISTERED = new AtomicReference<>();

    @Override
    protected void doStart() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(OBJECT_NAME);
        synchronized (REGISTERED) {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            REGISTERED.set(this);
        }
    }

    @Override
    protected void doStop() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(OBJECT_NAME);
        synchronized (REGISTERED) {
            if (REGISTERED.compareAndSet(this, null) && server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        }
    }

    @Override
    public boolean isLeader() {
        return leaderElection.isLeader();
    }

    @Override
    public int getQueueDepth() {
        return queue.get().depth();
    }

    @Override
    public int getQueueDelayed() {
        return queue.get().delayedCount();
    }

    @Override
    public int getQueueInFlight() {
        return queue.get().inFlight();
    }

    @Override
    public long getReconcilesProcessed() {
        return queue.get().processedCount();
    }

    @Override
    public int getManagedResources() {
        return census.count().total();
    }

    @Override
    public int getResourcesReady() {
        return census.count().ready();
    }

    @Override
    public int getResourcesNotReady() {
        return census.count().notReady();
    }

    @Override
    public int getResourcesStalled() {
        return census.count().stalled();
    }
}
