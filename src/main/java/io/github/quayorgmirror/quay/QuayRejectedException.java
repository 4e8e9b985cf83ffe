package io.github.quayorgmirror.quay;

/** Quay refused the request (HTTP 400): the message is Quay's error_message. */
public class QuayRejectedException extends QuayApiException {

    public QuayRejectedException(String operation, int statusCode, String message) {
        super(operation, statusCode, message);
    }

    @Override
    public String reason() {
        return "QuayRejected";
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
