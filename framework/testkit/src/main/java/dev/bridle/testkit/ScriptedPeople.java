package dev.bridle.testkit;

import dev.bridle.FactCheck;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.People;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link People} in memory for {@link ScriptedBotContext}, screened by the shipped sensitive-category terms as the
 * runtime screens them, so a bot's unit test sees the refusals it would get. Purposes are not checked here: a scripted
 * context stands for a bot whose purposes keep facts ({@link BridleExtension} runs the real configuration).
 */
final class ScriptedPeople implements People {

    private static final FactCheck SCREEN = FactCheck.defaults();

    private final Map<String, Map<String, String>> facts = new ConcurrentHashMap<>();

    @Override
    public FactResult put(UserRef user, String key, String value, PostRef source) {
        FactCheck.Verdict verdict = SCREEN.classify(key, value);
        if (verdict.refused()) {
            return new FactResult.Refused(
                    ReasonCode.SENSITIVE_ATTRIBUTE,
                    verdict.category(),
                    "'" + key + "' about " + user + " is " + verdict.category()
                            + " information, which is never derived, inferred or stored; not remembered (matched: "
                            + String.join(", ", verdict.terms()) + ")");
        }
        facts.computeIfAbsent(user.id(), id -> new ConcurrentHashMap<>()).put(key, value);
        return new FactResult.Stored(key);
    }

    @Override
    public Optional<String> get(UserRef user, String key) {
        return Optional.ofNullable(facts.getOrDefault(user.id(), Map.of()).get(key));
    }

    @Override
    public Map<String, String> all(UserRef user) {
        return new TreeMap<>(facts.getOrDefault(user.id(), Map.of()));
    }

    @Override
    public void forget(UserRef user, String key) {
        facts.getOrDefault(user.id(), new ConcurrentHashMap<>()).remove(key);
    }

    @Override
    public void forget(UserRef user) {
        facts.remove(user.id());
    }
}
