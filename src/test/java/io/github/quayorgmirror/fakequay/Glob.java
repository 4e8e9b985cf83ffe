package io.github.quayorgmirror.fakequay;

import java.util.regex.Pattern;

/** Python's {@code fnmatch.fnmatchcase}: {@code *}, {@code ?}, {@code [..]} and {@code [!..]}. */
final class Glob {

    private Glob() {
    }

    static boolean matches(String glob, String name) {
        return Pattern.compile(toRegex(glob)).matcher(name).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                out.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
