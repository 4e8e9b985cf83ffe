package io.github.quayorgmirror.shipping;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a PromQL expression refers to: the controller's series and the label names it groups or matches by. */
final class PromQl {
    private static final Pattern CONTROLLER_SERIES = Pattern.compile("\\b(orgmirror_[a-z_]+)");
    private static final Pattern GROUPING = Pattern.compile("\\bby \\(([a-zA-Z_, ]+)\\)");
    private static final Pattern MATCHER = Pattern.compile("[{,]\\s*([a-zA-Z_]+)\\s*(?:=~|!~|!=|=)");

    private PromQl() {
    }

    static Set<String> controllerSeries(String expression) {
        return all(CONTROLLER_SERIES.matcher(expression));
    }

    static Set<String> labels(String expression) {
        Set<String> labels = new TreeSet<>();
        Matcher grouping = GROUPING.matcher(expression);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                labels.add(label.trim());
            }
        }
        labels.addAll(all(MATCHER.matcher(expression)));
        return labels;
    }

    private static Set<String> all(Matcher matcher) {
        Set<String> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
