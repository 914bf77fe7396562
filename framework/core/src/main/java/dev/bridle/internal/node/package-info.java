/**
 * The nodes sharing one store: each Bridle process records itself at start
 * ({@link dev.bridle.internal.node.NodeRegistry}), keeps a heartbeat, and refuses to start while a live node runs
 * another configuration ({@link dev.bridle.internal.node.ConfigFingerprint} says what must be the same). Other parts
 * ask it who is alive: an inbound claim or a polling lease held by a node that is not is taken over.
 */
package dev.bridle.internal.node;
