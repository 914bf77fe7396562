package dev.bridle.internal.guard.archfixture;

import dev.bridle.internal.runtime.BotRunner;

/** A rule that reaches into the runtime that feeds it. */
class GuardThatReadsTheRuntime {
    BotRunner runner;
}
