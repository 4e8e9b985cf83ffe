package io.github.quayorgmirror.quay;

import io.github.quayorgmirror.leader.LeadershipFence;
import java.time.Duration;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;

/** The Quay route tests run the routes alone, as one instance without leader election: every write is allowed. */
@Configuration
public class NoLeaderElection implements CamelConfiguration {

    @BindToRegistry("leadershipFence")
    public LeadershipFence leadershipFence() {
        return new LeadershipFence(false, Duration.ZERO, System::nanoTime);
    }
}
