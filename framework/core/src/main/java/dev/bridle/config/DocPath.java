package dev.bridle.config;

/** Builds the paths problems name: {@code bots[1].schedule.cron}. */
final class DocPath {

    private DocPath() {
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
