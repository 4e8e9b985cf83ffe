package io.github.quayorgmirror.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Apache HttpClient's wire and header loggers print every request line by line, Authorization and Cookie included:
 * the jar's logging configuration keeps them off whatever level the rest is set to, and so do the tests', whose
 * log-secrecy assertions would otherwise read a log no operator sees.
 */
class LoggingConfigurationTest {

    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final String[] CREDENTIAL_LOGGERS = {"org.apache.hc.client5.http.wire",
        "org.apache.hc.client5.http.headers"};

    @Test
    void theJarKeepsHttpClientsWireAndHeaderLoggersOffAndLogsInfoToStandardOutput() throws IOException {
        Properties shipped = new Properties();
        shipped.load(new StringReader(ProjectTree.read("src/main/resources/simplelogger.properties")));

        for (String logger : CREDENTIAL_LOGGERS) {
            assertThat(shipped.getProperty(PREFIX + "log." + logger)).as(logger).isEqualTo("off");
        }
        assertThat(shipped.getProperty(PREFIX + "defaultLogLevel")).isEqualTo("info");
        assertThat(shipped.getProperty(PREFIX + "log.io.github.quayorgmirror")).isEqualTo("info");
        assertThat(shipped.getProperty(PREFIX + "logFile")).isEqualTo("System.out");
    }

    @Test
    void theBindingTheTestsRunWithHasThoseLoggersOffAtEveryLevel() {
        for (String logger : CREDENTIAL_LOGGERS) {
            assertThat(LoggerFactory.getLogger(logger).isErrorEnabled()).as(logger).isFalse();
            assertThat(LoggerFactory.getLogger(logger).isTraceEnabled()).as(logger).isFalse();
        }
        assertThat(LoggerFactory.getLogger("io.github.quayorgmirror.quay.QuayCalls").isDebugEnabled()).isTrue();
    }
}
