package io.github.quayorgmirror.informer;

import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an informer retrying (with fabric8's backoff) whatever went wrong: the API server
 * unreachable, the list or watch refused (RBAC), a bad object. fabric8's default gives up when
 * the first list fails, which would leave a started route doing nothing. Logs name the informer
 * and the failure class and message only: no request headers, so no credentials.
 */
final class RetryingExceptionHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingExceptionHandler.class);
    private static final int MAX_MESSAGE_LENGTH = 300;

    private final String informer;
    private final String namespace;
    private volatile String lastError;

    RetryingExceptionHandler(String informer, String namespace) {
        this.informer = informer;
        this.namespace = namespace;
    }

    @Override
    public boolean retryAfterException(boolean started, Throwable failure) {
        lastError = describe(failure);
        LOG.warn("Informer list/watch failed, retrying: informer={} namespace={} started={} error={}",
                informer, namespace, started, lastError);
        LOG.debug("Informer failure detail: informer={}", informer, failure);
        return true;
    }

    String lastError() {
        return lastError;
    }

    static String describe(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "...";
        }
        return failure.getClass().getSimpleName() + ": " + message;
    }
}
