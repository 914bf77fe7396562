package dev.bridle.sandbox;

import twitter4j.Twitter;
import twitter4j.TwitterFactory;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/** How a Java client points twitter4j 4.0.7 at the sandbox. */
final class Twitter4jClients {
    private Twitter4jClients() {}

    static Configuration configuration(Sandbox sandbox, String handle, String consumerSecret) {
        SandboxAccount account = sandbox.account(handle);
        return new ConfigurationBuilder()
                .setRestBaseURL(sandbox.v1BaseUrl().toString())
                .setOAuthConsumerKey(sandbox.app().consumerKey())
                .setOAuthConsumerSecret(consumerSecret)
                .setOAuthAccessToken(account.accessToken())
                .setOAuthAccessTokenSecret(account.accessTokenSecret())
                .build();
    }

    static Configuration configuration(Sandbox sandbox, String handle) {
        return configuration(sandbox, handle, sandbox.app().consumerSecret());
    }

    static Twitter twitter(Sandbox sandbox, String handle) {
        return new TwitterFactory(configuration(sandbox, handle)).getInstance();
    }
}
