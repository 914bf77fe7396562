package dev.bridle.archfixture.cycle.a;

/** What the other half points back at. */
public class CycleATarget {}
