/**
 * Facts about people: the one durable per-user store bots get, screened so that nothing in a restricted category is
 * kept ({@link dev.bridle.internal.people.ScreenedPeople}), and forgotten per person on request, opt-out or withdrawn
 * consent ({@link dev.bridle.internal.people.PersonFacts}).
 */
package dev.bridle.internal.people;
