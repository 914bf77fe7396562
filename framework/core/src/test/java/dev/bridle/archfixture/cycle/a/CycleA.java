package dev.bridle.archfixture.cycle.a;

import dev.bridle.archfixture.cycle.b.CycleB;

/** Half of a deliberate package cycle, for the rule that forbids them. */
class CycleA {
    CycleB other;
}
