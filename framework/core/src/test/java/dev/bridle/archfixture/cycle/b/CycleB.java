package dev.bridle.archfixture.cycle.b;

/** The other half of a deliberate package cycle. */
public class CycleB {
    dev.bridle.archfixture.cycle.a.CycleATarget back;
}
