/**
 * The configuration's own types, for building Bridle in code ({@code Bridle.builder()}): when a bot runs
 * ({@link dev.bridle.config.Schedule}), what it handles ({@link dev.bridle.config.Inbound}), which environment the app
 * is for ({@link dev.bridle.config.Environment}). {@code bridle.yaml} maps onto the same types.
 */
package dev.bridle.config;
