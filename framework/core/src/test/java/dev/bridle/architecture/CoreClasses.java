package dev.bridle.architecture;

import dev.bridle.Bridle;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the core module's own classes are, so the rules see them and not the modules it depends on. */
final class CoreClasses {

    private CoreClasses() {}

    static Path location() {
        try {
            return Path.of(Bridle.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the core classes", e);
        }
    }
}
