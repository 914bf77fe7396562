/**
 * YAML read into a tree that remembers where every node was written, so that each problem in a file can be reported as
 * {@code file:line:column: path: message}. The configuration ({@code config/bridle.yaml}) and the opt-out keyword file
 * ({@code config/optout-keywords.yaml}) are both read this way.
 *
 * <p>{@link dev.bridle.internal.yaml.YamlReader} builds the {@link dev.bridle.internal.yaml.YamlNode} tree and reports
 * what YAML itself gets wrong (syntax, duplicate keys, aliases, a second document) into
 * {@link dev.bridle.internal.yaml.Problems}; the reader of each file adds what its own format gets wrong, and throws
 * every {@link dev.bridle.internal.yaml.YamlProblem} at once.
 */
package dev.bridle.internal.yaml;
