package dev.bridle.examples;

import dev.bridle.bot.Mention;
import java.util.List;

/** Thank-you texts, varied and addressed to the person, so that no two replies are the same. */
public final class Greetings {

    private static final List<String> TEMPLATES = List.of(
            "Thanks for the mention, @%s! Release notes live at https://acme.example/releases",
            "Much appreciated, @%s. Tell us what you would like in the next release!",
            "@%s thank you! If anything breaks, our docs are at https://acme.example/docs",
            "Glad you are trying Acme, @%s. Questions are welcome here any time.");

    /** A thank-you for {@code mention}, chosen from the post id so that it is stable per mention. */
    public String thanksFor(Mention mention) {
        String handle = mention.author().handle() != null ? mention.author().handle() : "there";
        int pick = Math.floorMod(mention.postId().hashCode(), TEMPLATES.size());
        return String.format(TEMPLATES.get(pick), handle);
    }
}
