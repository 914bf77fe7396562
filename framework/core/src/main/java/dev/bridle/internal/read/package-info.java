/**
 * Guarded reads: every read a bot makes passes the read plan first ({@link dev.bridle.internal.read.ReadPlan}: the
 * bot's declared purposes must need it, a search query must not watch sensitive events or groups, profile one person or
 * measure the platform), fails closed, and is recorded in the ledger with a hash of the query and how many objects came
 * back, never the content ({@link dev.bridle.internal.read.ReadRecords}).
 */
package dev.bridle.internal.read;
