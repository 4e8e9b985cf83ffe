package io.github.quayorgmirror.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the controller logs while this is open, as text: SLF4J's simple binding writes to {@code System.out}, looked
 * up on each line (src/test/resources/simplelogger.properties), so standard output is copied here as well as
 * passed on. Stack traces of logged exceptions are included. One at a time: it replaces {@code System.out}.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private CapturedLog() {
        original = System.out;
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream passedOn;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream passedOn, ByteArrayOutputStream copy) {
            this.passedOn = passedOn;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            passedOn.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            passedOn.flush();
        }
    }
}
