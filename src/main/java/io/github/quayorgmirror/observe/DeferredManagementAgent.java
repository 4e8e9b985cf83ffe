package io.github.quayorgmirror.observe;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.management.DefaultManagementAgent;
import org.apache.camel.spi.ManagementAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's JMX agent, holding back the MBeans registered before {@link #release()} and registering them then, in
 * their order. Assembling Camel's ~190 model MBeans takes a good part of the start (docs/operations.md, JMX); nobody
 * reads them before the controller is ready, so {@link ReleaseMBeansWhenReady} releases them once it is.
 */
public class DeferredManagementAgent extends DefaultManagementAgent {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredManagementAgent.class);

    /**
     * The names held by every agent of the JVM: they count as taken, as they would in the MBean server, so a second
     * CamelContext of the same name still picks another one (tests run several controllers in one JVM).
     */
    private static final ConcurrentMap<ObjectName, DeferredManagementAgent> HELD_IN_JVM = new ConcurrentHashMap<>();

    private record Held(Object mbean, boolean forceRegistration) {
    }

    /** Guards held and holding together: a registration racing the release is neither lost nor made twice. */
    private final Object lock = new Object();
    private final Map<ObjectName, Held> held = new LinkedHashMap<>();
    private boolean holding = true;

    /** An agent that takes over the settings of the one it replaces (camel-main has already configured that one). */
    public DeferredManagementAgent(CamelContext context, ManagementAgent replaced) {
        super(context);
        setMBeanServer(replaced.getMBeanServer());
        setMBeanServerDefaultDomain(replaced.getMBeanServerDefaultDomain());
        setMBeanObjectDomainName(replaced.getMBeanObjectDomainName());
        setUsePlatformMBeanServer(replaced.getUsePlatformMBeanServer());
        setOnlyRegisterProcessorWithCustomId(replaced.getOnlyRegisterProcessorWithCustomId());
        setRegisterAlways(replaced.getRegisterAlways());
        setRegisterNewRoutes(replaced.getRegisterNewRoutes());
        setRegisterRoutesCreateByKamelet(replaced.getRegisterRoutesCreateByKamelet());
        setRegisterRoutesCreateByTemplate(replaced.getRegisterRoutesCreateByTemplate());
        setMask(replaced.getMask());
        setIncludeHostName(replaced.getIncludeHostName());
        setManagementNamePattern(replaced.getManagementNamePattern());
        setLoadStatisticsEnabled(replaced.getLoadStatisticsEnabled());
        setEndpointRuntimeStatisticsEnabled(replaced.getEndpointRuntimeStatisticsEnabled());
        setStatisticsLevel(replaced.getStatisticsLevel());
        setMBeansLevel(replaced.getMBeansLevel());
        setUseHostIPAddress(replaced.getUseHostIPAddress());
        setUpdateRouteEnabled(replaced.getUpdateRouteEnabled());
    }

    @Override
    public void register(Object obj, ObjectName name, boolean forceRegistration) throws JMException {
        synchronized (lock) {
            if (holding) {
                if (forceRegistration || !held.containsKey(name)) {
                    held.put(name, new Held(obj, forceRegistration));
                    HELD_IN_JVM.putIfAbsent(name, this);
                }
                return;
            }
        }
        super.register(obj, name, forceRegistration);
    }

    @Override
    public void unregister(ObjectName name) throws JMException {
        synchronized (lock) {
            if (held.remove(name) != null) {
                HELD_IN_JVM.remove(name, this);
                return;
            }
            super.unregister(name);
        }
    }

    @Override
    public boolean isRegistered(ObjectName name) {
        synchronized (lock) {
            if (held.containsKey(name)) {
                return true;
            }
        }
        return HELD_IN_JVM.containsKey(name) || super.isRegistered(name);
    }

    /**
     * Registers the held MBeans, in the order they came, and every later one at once. Does nothing a second time.
     * One MBean per turn of the lock: registering ~190 takes about a second, during which the first passes after
     * ready register endpoints of their own (appended to the held ones until all are through) and must not wait.
     */
    public void release() {
        int count = 0;
        while (true) {
            synchronized (lock) {
                Iterator<Map.Entry<ObjectName, Held>> entries = held.entrySet().iterator();
                if (!entries.hasNext()) {
                    if (holding) {
                        holding = false;
                        LOG.debug("Registered {} held MBeans", count);
                    }
                    return;
                }
                Map.Entry<ObjectName, Held> entry = entries.next();
                // out of held first: the super class asks isRegistered before it registers
                entries.remove();
                HELD_IN_JVM.remove(entry.getKey(), this);
                try {
                    super.register(entry.getValue().mbean(), entry.getKey(), entry.getValue().forceRegistration());
                    count++;
                } catch (JMException | RuntimeException e) {
                    LOG.warn("Could not register the MBean {}: {}", entry.getKey(), e.toString());
                }
            }
        }
    }

    /** None for a held MBean, as for any MBean not in the server. */
    @Override
    public <T> T newProxyClient(ObjectName name, Class<T> mbean) {
        synchronized (lock) {
            if (held.containsKey(name)) {
                return null;
            }
        }
        return super.newProxyClient(name, mbean);
    }

    /** Held MBeans are dropped: nothing is registered after a stop. */
    @Override
    protected void doStop() throws Exception {
        synchronized (lock) {
            held.keySet().forEach(name -> HELD_IN_JVM.remove(name, this));
            held.clear();
        }
        super.doStop();
    }
}
