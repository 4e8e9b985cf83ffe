package io.github.quayorgmirror.testing;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A gate on the events the CRUD mock sends down the watches of one path: while held, each event is
 * kept (with the watch it belongs to) and sent later in the same order, as a lagging watch would.
 */
final class HeldWatchEvents {

    private final List<Runnable> kept = new ArrayList<>();
    private boolean holding;

    synchronized void hold() {
        holding = true;
    }

    synchronized void release() {
        holding = false;
        kept.forEach(Runnable::run);
        kept.clear();
    }

    /** The socket the mock writes its events to, passing through this gate. */
    WebSocket around(WebSocket socket) {
        return new WebSocket() {
            @Override
            public RecordedRequest request() {
                return socket.request();
            }

            @Override
            public boolean send(String text) {
                return sendOrKeep(() -> socket.send(text));
            }

            @Override
            public boolean send(byte[] bytes) {
                return sendOrKeep(() -> socket.send(bytes));
            }

            @Override
            public boolean close(int code, String reason) {
                return socket.close(code, reason);
            }
        };
    }

    private synchronized boolean sendOrKeep(Runnable send) {
        if (holding) {
            kept.add(send);
        } else {
            send.run();
        }
        return true;
    }
}
