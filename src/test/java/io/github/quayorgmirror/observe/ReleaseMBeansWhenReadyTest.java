package io.github.quayorgmirror.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real CamelContext with JMX on and one readiness check the test turns up. */
class ReleaseMBeansWhenReadyTest {

    private static final String THREAD = "orgmirror-mbeans-when-ready";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final DefaultCamelContext context = new DefaultCamelContext();
    private volatile HealthCheck.State readiness = HealthCheck.State.DOWN;

    /** Whenever they came, a stopped context leaves no MBean nor thread behind. */
    @AfterEach
    void stopLeavesNothing() throws Exception {
        context.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !waiting());
        assertThat(contextMBeans()).isEmpty();
    }

    @Test
    void camelsMBeansComeOnceEveryReadinessCheckIsUp() throws Exception {
        start("mbeans-when-ready", Duration.ofMinutes(1));

        assertThat(contextMBeans()).isEmpty();
        assertThat(context.getManagementStrategy().isManagedName(contextName())).isTrue();

        readiness = HealthCheck.State.UP;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contextMBeans()).contains(contextName()));
        await().atMost(Duration.ofSeconds(5)).until(() -> !waiting());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:later").routeId("later").to("log:later");
            }
        });
        assertThat(server.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                + ",type=routes,name=\"later\""), null)).as("registered at once after the release").hasSize(1);
    }

    @Test
    void theyComeAfterMaxHoldWhenSomethingStaysUnready() throws Exception {
        start("mbeans-after-max-hold", Duration.ofMillis(300));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contextMBeans()).contains(contextName()));
        assertThat(readiness).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void stoppingBeforeReadyEndsTheWaitAndRegistersNothing() throws Exception {
        start("mbeans-never-ready", Duration.ofMinutes(1));
        assertThat(waiting()).isTrue();

        context.stop();

        await().atMost(Duration.ofSeconds(5)).until(() -> !waiting());
        assertThat(contextMBeans()).isEmpty();
        assertThat(context.getManagementStrategy().isManagedName(contextName())).isFalse();
    }

    @Test
    void withJmxOffNothingIsInstalled() {
        DefaultCamelContext withoutJmx = new DefaultCamelContext(false);
        withoutJmx.disableJMX();
        withoutJmx.build();

        ReleaseMBeansWhenReady.install(withoutJmx, Duration.ofMinutes(1));

        assertThat(withoutJmx.getManagementStrategy().getManagementAgent()).isNull();
        assertThat(withoutJmx.getLifecycleStrategies()).noneMatch(ReleaseMBeansWhenReady.class::isInstance);
    }

    private void start(String name, Duration maxHold) {
        context.getCamelContextExtension().setName(name);
        ReleaseMBeansWhenReady.install(context, maxHold);
        HealthCheckRegistry.get(context).register(new AbstractHealthCheck("test", "switch") {
            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                builder.state(readiness);
            }
        });
        context.start();
    }

    private Set<ObjectName> contextMBeans() throws Exception {
        return server.queryNames(new ObjectName("org.apache.camel:context=" + context.getName() + ",*"), null);
    }

    private ObjectName contextName() throws Exception {
        return context.getManagementStrategy().getManagementObjectNameStrategy().getObjectNameForCamelContext(context);
    }

    private static boolean waiting() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> THREAD.equals(thread.getName()));
    }
}
