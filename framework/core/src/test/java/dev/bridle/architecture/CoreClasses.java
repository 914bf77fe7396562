package dev.bridle.architecture;

import dev.bridle.Bridle;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where a module's own classes are, so the rules see them and not the modules it depends on. */
final class CoreClasses {

    private CoreClasses() {}

    /** Core's classes. */
    static Path location() {
        return locationOf(Bridle.class);
    }

    /** The classes of the module (directory or jar) that {@code member} was loaded from. */
    static Path locationOf(Class<?> member) {
        try {
            return Path.of(
                    member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + member.getName(), e);
        }
    }
}
