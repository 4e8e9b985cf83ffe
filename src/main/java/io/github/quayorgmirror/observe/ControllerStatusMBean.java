package io.github.quayorgmirror.observe;

/** The controller's state as JMX attributes (ObjectName {@code io.github.quayorgmirror:type=Controller}). */
public interface ControllerStatusMBean {

    boolean isLeader();

    int getQueueDepth();

    int getQueueDelayed();

    int getQueueInFlight();

    long getReconcilesProcessed();

    int getManagedResources();

    int getResourcesReady();

    int getResourcesNotReady();

    int getResourcesStalled();
}
