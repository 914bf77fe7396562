package dev.bridle.internal.platform.twitter;

import java.util.List;

/**
 * What a paged read showed of a newest-first list.
 *
 * @param items what was read
 * @param complete whether it reached back far enough (to the time asked for, or the list's end); if not, something
 *     missing from {@code items} may still exist
 */
record Window<T>(List<T> items, boolean complete) {

    Window {
        items = List.copyOf(items);
    }
}
