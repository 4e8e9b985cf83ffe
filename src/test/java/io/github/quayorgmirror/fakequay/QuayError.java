package io.github.quayorgmirror.fakequay;

/** Thrown by a handler to end the request with a prepared error answer (Quay's exceptions). */
final class QuayError extends RuntimeException {

    private final transient Response response;

    QuayError(Response response) {
        super("fake Quay answers " + response.status(), null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
