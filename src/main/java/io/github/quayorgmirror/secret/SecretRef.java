package io.github.quayorgmirror.secret;

import java.util.Objects;

/** A Secret a resource names: its namespace (already defaulted to the resource's) and name. */
public record SecretRef(String namespace, String name) {

    public SecretRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** {@code namespace/name}, as in messages and in the mirrors' Secret index. */
    public static SecretRef parse(String key) {
        int slash = key.indexOf('/');
        return new SecretRef(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
