package dev.bridle.internal.optout.archfixture;

import dev.bridle.internal.yaml.YamlNode;

/** A rule that reads the operator's YAML itself. */
class OptOutThatReadsYaml {
    YamlNode node;
}
