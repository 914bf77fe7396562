/**
 * Throttles: no bulk, aggressive or bursty actions, per account, per target user and across the operator's accounts
 * (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}), and the platform's own rate limits obeyed (rule
 * {@link dev.bridle.bot.Rule#PLATFORM_LIMITS}).
 *
 * <p>{@link dev.bridle.internal.throttle.ThrottleSettings} holds every limit, with defaults well under the platform's
 * published ceilings; {@link dev.bridle.internal.throttle.Throttles} builds one guard per rule from it. Guards that
 * take something (a token, a claim) are {@link dev.bridle.internal.guard.ReservingGuard}s: they take it inside
 * {@code check}, give it back on {@code release} and keep it on {@code confirm}, so an action refused later in the
 * chain, or never sent, costs nothing. Token buckets live in a {@link dev.bridle.internal.throttle.BucketStore}: in
 * memory for one node, in PostgreSQL when several nodes share the limits.
 *
 * <p>A throttle that time will lift answers {@link dev.bridle.guard.Verdict.Defer} with the earliest instant the action
 * may go; one that time will not lift answers {@link dev.bridle.guard.Verdict.Deny}. Whether a deferred action is
 * rescheduled or dropped is the bot's {@link dev.bridle.config.OnThrottle}.
 */
package dev.bridle.internal.throttle;
