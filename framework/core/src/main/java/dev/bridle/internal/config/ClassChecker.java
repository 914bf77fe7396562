package dev.bridle.internal.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a class named in configuration can be loaded, is of the right kind, and can be built by Guice, without
 * initialising it.
 */
final class ClassChecker {

    private static final Set<String> INJECT = Set.of("com.google.inject.Inject", "jakarta.inject.Inject");

    private final ClassLoader loader;

    ClassChecker(ClassLoader loader) {
        this.loader = loader;
    }

    /** What is wrong with {@code className} as a {@code required}, or empty when nothing is. */
    Optional<String> problemWith(String className, Class<?> required) {
        String expected = "; expected a concrete class implementing " + required.getName()
                + " with a no-argument constructor or an @Inject one";
        Class<?> type;
        try {
            type = loader.loadClass(className); // loads without initialising, unlike Class.forName(name)
        } catch (ClassNotFoundException e) {
            return Optional.of("class " + className + " is not on the class path" + expected);
        } catch (LinkageError e) {
            return Optional.of("class " + className + " cannot be loaded (" + e + ")" + expected);
        }
        if (!required.isAssignableFrom(type)) {
            return Optional.of("class " + className + " does not implement " + required.getName() + expected);
        }
        if (type.isInterface()) {
            return Optional.of(className + " is an interface" + expected);
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            return Optional.of("class " + className + " is abstract" + expected);
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of(
                    "class " + className + " is an inner class, which needs an enclosing instance" + expected);
        }
        try {
            return constructible(type)
                    ? Optional.empty()
                    : Optional.of("class " + className + " has no constructor Guice can call" + expected);
        } catch (LinkageError e) {
            return Optional.of("class " + className + " cannot be loaded (" + e + ")" + expected);
        }
    }

    /** Guice's rule: one constructor annotated @Inject, or a no-argument constructor that is not private. */
    private static boolean constructible(Class<?> type) {
        int injectable = 0;
        boolean noArgument = false;
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            for (var annotation : constructor.getAnnotations()) {
                if (INJECT.contains(annotation.annotationType().getName())) {
                    injectable++;
                }
            }
            if (constructor.getParameterCount() == 0 && !Modifier.isPrivate(constructor.getModifiers())) {
                noArgument = true;
            }
        }
        return injectable == 1 || injectable == 0 && noArgument;
    }
}
