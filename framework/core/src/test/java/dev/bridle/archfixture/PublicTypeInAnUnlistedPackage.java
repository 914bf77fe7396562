package dev.bridle.archfixture;

import dev.bridle.internal.store.Database;

/** A public type outside the public packages, which also hands out an internal type. */
public class PublicTypeInAnUnlistedPackage {

    /** Exposes the store, which is internal. */
    public Database store() {
        return null;
    }
}
