package dev.bridle.sandbox.internal.api;

/** Which API a route belongs to; it decides the error body shape. */
public enum ApiVersion {
    /** {@code /1.1/...}: errors as {@code {"errors":[{"code":..,"message":..}]}}. */
    V1,
    /** {@code /2/...}: errors in the problem shape, plus the {@code errors} array (see {@link ErrorRenderer}). */
    V2
}
