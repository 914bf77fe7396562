package dev.bridle.internal.yaml;

/** Builds the paths problems name: {@code bots[1].schedule.cron}. */
public final class DocPath {

    private DocPath() {}

    /** {@code parent.key}, or {@code key} at the top of the document. */
    public static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[index]}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
