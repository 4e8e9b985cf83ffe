package io.github.quayorgmirror.quay;

/** Not a failure: the pass steps aside because its Quay host has its share of workers (see {@link QuayHostShare}). */
public class QuayHostBusyException extends Exception {

    public QuayHostBusyException(String message) {
        super(message);
    }
}
