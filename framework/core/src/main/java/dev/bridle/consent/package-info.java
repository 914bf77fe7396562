/**
 * Consent and opt-out as an application that embeds Bridle records and reads them ({@code Bridle#contacts()}): the
 * scopes a person consents to ({@link dev.bridle.consent.ConsentScope}) and where they stand
 * ({@link dev.bridle.consent.ContactStatus}).
 */
package dev.bridle.consent;
