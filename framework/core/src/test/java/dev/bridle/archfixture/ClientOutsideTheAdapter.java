package dev.bridle.archfixture;

import twitter4j.conf.ConfigurationBuilder;

/** Builds a twitter4j configuration outside the platform adapter. */
class ClientOutsideTheAdapter {
    Object configure() {
        return new ConfigurationBuilder().build();
    }
}
