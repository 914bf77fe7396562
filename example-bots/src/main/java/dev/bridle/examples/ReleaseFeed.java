package dev.bridle.examples;

import java.util.List;

/** Where release notes come from: a changelog, a package registry, a CMS. */
public interface ReleaseFeed {

    /** Every release to announce, oldest first. */
    List<ReleaseNote> releases();
}
