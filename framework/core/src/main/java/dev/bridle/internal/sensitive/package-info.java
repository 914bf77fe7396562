/**
 * The sensitive-category recogniser: whether a fact about a person is health, negative financial status, political,
 * ethnic, religious, sexual, trade union or crime information, which the X developer terms forbid deriving, inferring
 * or storing. {@link dev.bridle.internal.sensitive.FactClassifier} applies a
 * {@link dev.bridle.internal.sensitive.SensitiveLexicon} read from a term file ({@code config/sensitive-terms.yaml}).
 */
package dev.bridle.internal.sensitive;
