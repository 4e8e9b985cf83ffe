package io.github.quayorgmirror.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.MBeanServerNotification;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.timer.Timer;
import javax.management.timer.TimerMBean;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.management.DefaultManagementAgent;
import org.apache.camel.spi.ManagementAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent against a real MBean server; the MBeans are the JDK's Timer, a standard MBean. */
class DeferredManagementAgentTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<ObjectName> registeredInOrder = new CopyOnWriteArrayList<>();
    private DeferredManagementAgent agent;

    @BeforeEach
    void watchRegistrations() throws Exception {
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, (notification, handback) -> {
            if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(notification.getType())) {
                registeredInOrder.add(((MBeanServerNotification) notification).getMBeanName());
            }
        }, null, null);
        DefaultManagementAgent camels = new DefaultManagementAgent();
        camels.setMBeanServer(server);
        agent = new DeferredManagementAgent(null, camels);
    }

    @AfterEach
    void releaseWhatIsLeft() {
        agent.release();
    }

    @Test
    void heldMBeansAreRegisteredOnReleaseInTheirOrderAndAnUnregisteredOneNever() throws Exception {
        agent.register(new Timer(), name("c"));
        agent.register(new Timer(), name("a"));
        agent.register(new Timer(), name("b"), true);

        assertThat(server.isRegistered(name("a"))).isFalse();
        assertThat(agent.isRegistered(name("a"))).isTrue();
        assertThat(agent.newProxyClient(name("a"), TimerMBean.class)).isNull();
        assertThat(registeredInOrder).isEmpty();

        agent.unregister(name("a"));
        assertThat(agent.isRegistered(name("a"))).isFalse();
        agent.release();

        assertThat(registeredInOrder).containsExactly(name("c"), name("b"));
        assertThat(server.isRegistered(name("a"))).isFalse();
        assertThat(agent.isRegistered(name("c"))).isTrue();
        assertThat(agent.newProxyClient(name("c"), TimerMBean.class).isActive()).isFalse();
    }

    @Test
    void anMBeanRegisteredWhileTheHeldOnesAreBeingRegisteredFollowsThem() throws Exception {
        agent.register(new Timer(), name("a"));
        agent.register(new Timer(), name("b"));
        ObjectName first = name("a");
        ObjectName during = name("during");
        // a registration arriving mid-release (here from the release's own thread, as the lock lets it)
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, (notification, handback) -> {
            if (first.equals(((MBeanServerNotification) notification).getMBeanName())) {
                try {
                    agent.register(new Timer(), during);
                } catch (javax.management.JMException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, null, null);

        agent.release();

        assertThat(registeredInOrder).containsExactly(first, name("b"), during);
    }

    @Test
    void afterTheReleaseMBeansAreRegisteredAndUnregisteredAtOnce() throws Exception {
        agent.release();

        agent.register(new Timer(), name("later"));
        assertThat(server.isRegistered(name("later"))).isTrue();

        agent.unregister(name("later"));
        assertThat(server.isRegistered(name("later"))).isFalse();
    }

    @Test
    void anMBeanTheServerRefusesDoesNotStopTheOthers() throws Exception {
        agent.register(new Timer() {
            @Override
            public ObjectName preRegister(MBeanServer mbeanServer, ObjectName objectName) throws Exception {
                throw new Exception("refused");
            }
        }, name("refused"));
        agent.register(new Timer(), name("accepted"));

        agent.release();

        assertThat(registeredInOrder).containsExactly(name("accepted"));
    }

    @Test
    void aNameHeldByOneAgentIsTakenForAnotherAsInTheServer() throws Exception {
        // how a second CamelContext of the same name in the JVM learns to pick another name
        agent.register(new Timer(), name("context"));
        DeferredManagementAgent another = new DeferredManagementAgent(null, agent);

        assertThat(another.isRegistered(name("context"))).isTrue();
        agent.release();
        assertThat(another.isRegistered(name("context"))).isTrue();
        agent.unregister(name("context"));
        assertThat(another.isRegistered(name("context"))).isFalse();
    }

    @Test
    void takesOverTheSettingsOfTheAgentItReplaces() {
        DefaultManagementAgent camels = new DefaultManagementAgent();
        camels.setMBeanServer(server);
        camels.setMBeanObjectDomainName("org.example");
        camels.setMBeanServerDefaultDomain("org.example.server");
        camels.setUsePlatformMBeanServer(false);
        camels.setOnlyRegisterProcessorWithCustomId(true);
        camels.setRegisterAlways(true);
        camels.setRegisterNewRoutes(false);
        camels.setRegisterRoutesCreateByKamelet(true);
        camels.setRegisterRoutesCreateByTemplate(false);
        camels.setMask(false);
        camels.setIncludeHostName(true);
        camels.setManagementNamePattern("#name#-#counter#");
        camels.setLoadStatisticsEnabled(true);
        camels.setEndpointRuntimeStatisticsEnabled(false);
        camels.setStatisticsLevel(ManagementStatisticsLevel.RoutesOnly);
        camels.setMBeansLevel(ManagementMBeansLevel.ContextOnly);
        camels.setUseHostIPAddress(true);
        camels.setUpdateRouteEnabled(true);

        ManagementAgent deferred = new DeferredManagementAgent(null, camels);

        assertThat(deferred).usingRecursiveComparison()
                .comparingOnlyFields("server", "mBeanServerDefaultDomain", "mBeanObjectDomainName",
                        "usePlatformMBeanServer", "onlyRegisterProcessorWithCustomId", "registerAlways",
                        "registerNewRoutes", "registerRoutesCreateByKamelet", "registerRoutesCreateByTemplate", "mask",
                        "includeHostName", "useHostIPAddress", "updateRouteEnabled", "managementNamePattern",
                        "loadStatisticsEnabled", "endpointRuntimeStatisticsEnabled", "statisticsLevel", "mBeansLevel")
                .isEqualTo(camels);
    }

    private static ObjectName name(String id) throws MalformedObjectNameException {
        return new ObjectName("test.deferred:type=timer,name=" + id);
    }
}
