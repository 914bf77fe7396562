package dev.bridle.sandbox.internal.world;

import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxPost;

/** Told about every change, after the world's lock is released (so a listener may call back in). */
public interface WorldListener {
    default void onPost(SandboxPost post) {}

    default void onDm(SandboxDm dm) {}

    default void onFollow(SandboxFollow follow) {}
}
