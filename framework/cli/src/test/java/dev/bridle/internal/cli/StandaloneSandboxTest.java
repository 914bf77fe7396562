package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.Bridle;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The way {@code docs/multi-node.md} points nodes at a standalone sandbox: run {@code bridle sandbox --port N --account
 * ...}, copy the credentials it prints into each account's {@code credentials} (here through environment variables) and
 * its URL into {@code platform.baseUrl}; a node built from that file acts on the sandbox over HTTP.
 */
class StandaloneSandboxTest {

    /** Posts one line when run. */
    public static final class Poster implements Bot {
        static final AtomicReference<ActionResult> LAST = new AtomicReference<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.set(ctx.actions().post("Hello from a node of the standalone sandbox guide"));
        }
    }

    @TempDir
    Path dir;

    @Test
    void aNodeConfiguredWithTheCredentialsTheSandboxPrintsActsOnIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        CountDownLatch stop = new CountDownLatch(1);
        CommandLine sandbox = new CommandLine(new SandboxCommand(stop::await));
        sandbox.setOut(new PrintWriter(out, true));
        Thread serving = new Thread(
                () -> sandbox.execute(
                        "--port",
                        Integer.toString(port),
                        "--account",
                        "acme_news",
                        "-c",
                        dir.resolve("none.yaml").toString()),
                "standalone-sandbox");
        serving.start();
        try {
            String printed = awaitPrinted(out, "Demo audience:");
            Path file = dir.resolve("bridle.yaml");
            Files.writeString(file, """
                    environment: dev
                    app: { name: acme-bots-dev, purpose: "a node of the standalone sandbox guide" }
                    store: { url: "jdbc:h2:file:%s" }
                    platform: { baseUrl: "%s" }
                    accounts:
                      - handle: acme_news
                        credentials:
                          consumerKey: "${env:ACME_NEWS_CONSUMER_KEY}"
                          consumerSecret: "${env:ACME_NEWS_CONSUMER_SECRET}"
                          accessToken: "${env:ACME_NEWS_ACCESS_TOKEN}"
                          accessTokenSecret: "${env:ACME_NEWS_ACCESS_TOKEN_SECRET}"
                    bots:
                      - { name: poster, class: dev.bridle.internal.cli.StandaloneSandboxTest$Poster, account: acme_news,
                          schedule: { every: 1h } }
                    """.formatted(
                            dir.resolve("data/bridle"), find(printed, "Bridle sandbox listening on (\\S+)")));
            Map<String, String> env = Map.of(
                    "ACME_NEWS_CONSUMER_KEY", find(printed, "consumer key: +(\\S+)"),
                    "ACME_NEWS_CONSUMER_SECRET", find(printed, "consumer secret: +(\\S+)"),
                    "ACME_NEWS_ACCESS_TOKEN", find(printed, "access token: +(\\S+)"),
                    "ACME_NEWS_ACCESS_TOKEN_SECRET", find(printed, "access token secret: +(\\S+)"));

            try (Bridle node = Bridle.builder().config(file, env).build()) {
                node.runNow("poster");
            }

            assertThat(Poster.LAST.get().sent()).as("%s", Poster.LAST.get()).isTrue();
            String sent = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/sent/acme_news"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(sent).contains("Hello from a node of the standalone sandbox guide");
        } finally {
            stop.countDown();
            serving.join(10_000);
        }
    }

    private static String awaitPrinted(StringWriter out, String last) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!out.toString().contains(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the sandbox printed only: " + out);
            }
            Thread.sleep(10); // waiting for the sandbox's output, not for time to pass
        }
        return out.toString();
    }

    private static String find(String printed, String regex) {
        Matcher m = Pattern.compile(regex).matcher(printed);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + printed);
        }
        return m.group(1);
    }
}
