/**
 * Redistribution (X Developer Policy, content redistribution): the recipients exports may go to and their agreement to
 * the platform's terms ({@link dev.bridle.internal.export.Recipients}), the quotas every export is reserved against
 * before a byte is written ({@link dev.bridle.internal.export.ExportQuotas}), and the destinations that would make an
 * export public ({@link dev.bridle.internal.export.PublicDestinations}).
 */
package dev.bridle.internal.export;
