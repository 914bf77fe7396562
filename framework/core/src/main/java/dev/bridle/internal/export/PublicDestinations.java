package dev.bridle.internal.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Destinations that would make an export public, which the platform forbids for hydrated content and Bridle refuses for
 * every export. What can be told from here is checked: an export is written to a local file only, so a URL (a bucket, a
 * web server, a share: {@code s3://}, {@code https://}, {@code file://} …) is refused, since whether a bucket is public
 * cannot be seen from its name; and a local path under a web server's document root ({@code /var/www},
 * {@code /srv/www}, {@code /usr/share/nginx}, a {@code public_html}, {@code htdocs} or {@code wwwroot} directory) is
 * refused. A directory shared some other way (a synced folder, a mounted bucket) cannot be seen, and stays the
 * operator's responsibility.
 */
public final class PublicDestinations {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Set<Path> WEB_ROOTS = Set.of(
            Path.of("/var/www"),
            Path.of("/srv/www"),
            Path.of("/srv/http"),
            Path.of("/usr/share/nginx"),
            Path.of("/usr/share/httpd"),
            Path.of("/var/lib/nginx"),
            Path.of("/usr/local/apache2/htdocs"));
    private static final Set<String> WEB_DIRECTORIES = Set.of("public_html", "htdocs", "wwwroot", "www-data");

    private PublicDestinations() {}

    /** Why {@code destination} would make an export public, or empty if nothing here says it would. */
    public static Optional<String> problem(String destination) {
        if (URL.matcher(destination.strip()).matches()) {
            return Optional.of("'" + destination + "' is a URL; exports are written to a local file only, because"
                    + " whether a bucket or a server is public cannot be seen from here");
        }
        Path path = Path.of(destination).toAbsolutePath().normalize();
        for (Path root : WEB_ROOTS) {
            if (path.startsWith(root)) {
                return Optional.of(path + " is under " + root + ", a web server's document root");
            }
        }
        for (Path part : path) {
            if (WEB_DIRECTORIES.contains(part.toString().toLowerCase(Locale.ROOT))) {
                return Optional.of(path + " is in a " + part + " directory, which a web server publishes");
            }
        }
        return Optional.empty();
    }
}
