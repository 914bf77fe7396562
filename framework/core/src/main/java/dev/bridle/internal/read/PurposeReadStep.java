package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import dev.bridle.config.Purpose;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Data is read only for a purpose the app declared that needs it: a bot reads what one of its declared purposes uses
 * ({@link Purpose#uses()}), nothing more (X Developer Agreement: use the API only as described in your use case).
 */
public final class PurposeReadStep implements ReadStep {

    @Override
    public String name() {
        return "PurposeReadStep";
    }

    @Override
    public String rule() {
        return ReasonCode.NOT_FOR_PURPOSE.rule().summary();
    }

    @Override
    public Optional<ReadRefusal> check(ReadRequest request) {
        if (Purpose.allows(request.purposes(), request.kind().use())) {
            return Optional.empty();
        }
        String declared = request.purposes().isEmpty()
                ? "no purpose"
                : "only "
                        + request.purposes().stream()
                                .sorted()
                                .map(Purpose::configName)
                                .collect(Collectors.joining(", "));
        String needing = java.util.Arrays.stream(Purpose.values())
                .filter(p -> p.uses().contains(request.kind().use()))
                .map(Purpose::configName)
                .collect(Collectors.joining(", "));
        return Optional.of(new ReadRefusal(
                ReasonCode.NOT_FOR_PURPOSE,
                name(),
                "bot '" + request.bot() + "' declares " + declared + "; a "
                        + request.kind().ledgerKind() + " needs one of " + needing));
    }
}
