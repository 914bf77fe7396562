package dev.bridle.reliability;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.reliability.RaceLog.CallBegan;
import dev.bridle.reliability.RaceLog.CallEnded;
import dev.bridle.reliability.RaceLog.CheckBegan;
import dev.bridle.reliability.RaceLog.ChecksPassed;
import dev.bridle.reliability.RaceLog.Event;
import dev.bridle.reliability.RaceLog.OptOutAcknowledged;
import dev.bridle.reliability.RaceLog.Reconciled;
import dev.bridle.reliability.RaceLog.Waited;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Judges a race run from its {@link RaceLog} and the sandbox's record of what was delivered. Three findings, each a
 * list of sentences naming the request, account, user and text:
 *
 * <ol>
 *   <li>{@link #uncheckedCalls}: platform calls not immediately preceded by their own final checks (issue 11 point 1:
 *       every send, first try, retry or deferred run, passes the final checks immediately before its call).
 *       "Immediately" is in the request's own order: the event before the call is "every final check allowed it", and
 *       the one before that is "its final checks began"; a wait, a reconciliation or an earlier call in between is a
 *       retry that skipped them.
 *   <li>{@link #callsAfterOptOut}: calls to a user after that user's opt-out was acknowledged whose final check began
 *       after the acknowledgement, or that had no final check of their own (README guarantee 3). A call whose check
 *       began before the acknowledgement may go out: that is the window the guarantee allows.
 *   <li>{@link #deliveries}: the sandbox's record checked against the calls: every direct message and reply it
 *       delivered from the operator's accounts must lie within a recorded call with the same account, recipient and
 *       text, that call must have had its own final check, and if it was delivered after the recipient's opt-out was
 *       acknowledged, that check must have begun before it.
 * </ol>
 *
 * Bridle's own compliance message to the user it answers (the one confirmation of a STOP) is exempt from consent and
 * opt-out, and so from finding 2 and from the opt-out part of finding 3.
 */
final class RaceAnalysis {

    /** One message the sandbox delivered from an operator's account. */
    record Delivery(String kind, String id, String account, String recipientId, String text, long nanos) {}

    private static final int SHOWN = 15;

    private final MonotonicClock clock;
    private final Map<String, String> handles;
    private final Map<UUID, List<Event>> byRequest = new LinkedHashMap<>();
    private final Map<String, OptOutAcknowledged> acks = new HashMap<>();
    private final List<CallBegan> calls = new ArrayList<>();
    private final Map<CallBegan, CheckBegan> ownCheck = new HashMap<>();
    private final Map<CallBegan, CallEnded> ends = new HashMap<>();
    private final Map<CallBegan, String> before = new HashMap<>();
    private final List<String> uncheckedCalls = new ArrayList<>();
    private final List<String> callsAfterOptOut = new ArrayList<>();
    private final List<String> deliveries = new ArrayList<>();
    private final List<Waited> waits = new ArrayList<>();
    private int inPermittedWindow;
    private int delivered;

    /**
     * @param handles user id to handle, for messages
     * @param delivered what the sandbox delivered from the operator's accounts
     */
    RaceAnalysis(List<Event> events, MonotonicClock clock, Map<String, String> handles, List<Delivery> delivered) {
        this.clock = clock;
        this.handles = handles;
        for (Event e : events) {
            UUID request = requestOf(e);
            if (request != null) {
                byRequest.computeIfAbsent(request, r -> new ArrayList<>()).add(e);
            }
            if (e instanceof OptOutAcknowledged ack) {
                acks.putIfAbsent(ack.userId(), ack);
            }
            if (e instanceof Waited w) {
                waits.add(w);
            }
        }
        byRequest.values().forEach(this::walk);
        calls.forEach(this::judgeCall);
        delivered.forEach(this::judgeDelivery);
        this.delivered = delivered.size();
    }

    private static UUID requestOf(Event e) {
        if (e instanceof CheckBegan c) {
            return c.request();
        } else if (e instanceof ChecksPassed p) {
            return p.request();
        } else if (e instanceof CallBegan c) {
            return c.action().requestId();
        } else if (e instanceof CallEnded c) {
            return c.request();
        } else if (e instanceof Reconciled r) {
            return r.request();
        } else if (e instanceof Waited w) {
            return w.request();
        }
        return null;
    }

    /** Pairs each call of one request with its own final check, its end, and what came between. */
    private void walk(List<Event> events) {
        List<String> since = new ArrayList<>();
        CallBegan open = null;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof CallBegan call) {
                calls.add(call);
                if (i >= 2
                        && events.get(i - 1) instanceof ChecksPassed
                        && events.get(i - 2) instanceof CheckBegan check) {
                    ownCheck.put(call, check);
                }
                before.put(call, since.isEmpty() ? "nothing before it" : String.join(", then ", since));
                since.clear();
                open = call;
            } else if (e instanceof CallEnded end && open != null) {
                ends.put(open, end);
                since.add("call " + end.attempt() + " ended " + cut(end.outcome()) + " at " + clock.at(end.nanos()));
                open = null;
            } else if (e instanceof CheckBegan check) {
                since.clear();
                since.add("final checks began at " + clock.at(check.nanos()));
            } else if (e instanceof ChecksPassed) {
                since.add("allowed");
            } else if (e instanceof Waited w) {
                since.add("a wait of " + w.asked() + " (" + w.raced() + ") that ended at " + clock.at(w.nanos()));
            } else if (e instanceof Reconciled r) {
                since.add("a reconciliation at " + clock.at(r.nanos()));
            }
        }
    }

    private void judgeCall(CallBegan call) {
        CheckBegan check = ownCheck.get(call);
        if (check == null) {
            uncheckedCalls.add(describe(call) + " was made without its own final check immediately before it ("
                    + before.get(call) + ")");
        }
        for (Target target : call.action().targets()) {
            OptOutAcknowledged ack = acks.get(target.user().id());
            if (ack == null || exempt(call.action(), target)) {
                continue;
            }
            if (check != null && check.nanos() > ack.nanos()) {
                callsAfterOptOut.add(describe(call) + ": its final check began at " + clock.at(check.nanos()) + ", "
                        + ms(check.nanos() - ack.nanos()) + " after " + who(target) + "'s opt-out was acknowledged at "
                        + clock.at(ack.nanos()) + " (" + ack.how() + "), and the call was made");
            } else if (check == null && call.nanos() > ack.nanos()) {
                callsAfterOptOut.add(
                        describe(call) + " was made " + ms(call.nanos() - ack.nanos()) + " after " + who(target)
                                + "'s opt-out was acknowledged at " + clock.at(ack.nanos()) + " (" + ack.how()
                                + ") with no final check of its own (" + before.get(call) + ")");
            }
        }
    }

    private void judgeDelivery(Delivery d) {
        CallBegan found = null;
        for (CallBegan c : calls) {
            ActionRequest a = c.action();
            CallEnded end = ends.get(c);
            boolean same = a.account().handle().equalsIgnoreCase(d.account())
                    && d.text().equals(a.text())
                    && a.targets().stream().anyMatch(t -> t.user().id().equals(d.recipientId()));
            if (same && c.nanos() <= d.nanos() && (end == null || d.nanos() <= end.nanos())) {
                found = c;
            }
        }
        CallBegan call = found;
        String what = d.kind() + " " + d.id() + " from @" + d.account() + " to " + who(d.recipientId()) + " (\""
                + cut(d.text()) + "\"), delivered at " + clock.at(d.nanos());
        if (call == null) {
            deliveries.add(what + ": no recorded platform call with that account, recipient and text was open then");
            return;
        }
        CheckBegan check = ownCheck.get(call);
        if (check == null) {
            deliveries.add(what + ", by " + describe(call) + ", which had no final check of its own");
        }
        OptOutAcknowledged ack = acks.get(d.recipientId());
        boolean exempt = call.action().targets().stream()
                .filter(t -> t.user().id().equals(d.recipientId()))
                .anyMatch(t -> exempt(call.action(), t));
        if (ack == null || exempt || d.nanos() <= ack.nanos()) {
            return;
        }
        if (check == null || check.nanos() > ack.nanos()) {
            deliveries.add(what + ", " + ms(d.nanos() - ack.nanos()) + " after " + who(d.recipientId())
                    + "'s opt-out was acknowledged at " + clock.at(ack.nanos()) + " (" + ack.how() + "), by "
                    + describe(call)
                    + (check == null
                            ? ", which had no final check of its own"
                            : ", whose final check began at " + clock.at(check.nanos())
                                    + ", after the acknowledgement"));
        } else {
            inPermittedWindow++;
        }
    }

    private static boolean exempt(ActionRequest action, Target target) {
        return target.role() == TargetRole.UNFOLLOWED || action.answers(target);
    }

    private String describe(CallBegan call) {
        ActionRequest a = call.action();
        return "call " + call.attempt() + " of request " + a.requestId() + " (" + a.kind() + " by " + a.botName()
                + " from @"
                + a.account().handle() + " to "
                + String.join(", ", a.targets().stream().map(t -> who(t)).toList())
                + ", \"" + cut(a.text()) + "\") at " + clock.at(call.nanos());
    }

    private String who(Target target) {
        return who(target.user().id());
    }

    private String who(String userId) {
        return "@" + handles.getOrDefault(userId, "?") + " (" + userId + ")";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** Finding 1. */
    List<String> uncheckedCalls() {
        return uncheckedCalls;
    }

    /** Finding 2. */
    List<String> callsAfterOptOut() {
        return callsAfterOptOut;
    }

    /** Finding 3. */
    List<String> deliveries() {
        return deliveries;
    }

    /** How many platform calls there were, and how many were retries (second and later calls of a request). */
    long calls() {
        return calls.size();
    }

    long retries() {
        return calls.stream().filter(c -> c.attempt() > 1).count();
    }

    long inDoubt() {
        return ends.values().stream()
                .filter(e -> e.outcome().startsWith("IN_DOUBT"))
                .count();
    }

    long racedWaits() {
        return waits.stream().filter(w -> w.raced().startsWith("raced")).count();
    }

    int optOuts() {
        return acks.size();
    }

    /** One paragraph of counts, printed with every run and put in front of every failure. */
    String summary() {
        return calls() + " platform calls (" + retries() + " retries, " + inDoubt() + " in doubt, "
                + ends.values().stream()
                        .filter(e -> e.outcome().startsWith("NOT_APPLIED"))
                        .count() + " not applied), "
                + waits.size() + " waits (" + racedWaits() + " raced by the waiting user's opt-out), " + acks.size()
                + " opt-outs acknowledged, " + delivered + " messages delivered (" + inPermittedWindow
                + " after the recipient's opt-out by a call whose final check began before it, as the guarantee allows)";
    }

    /** {@code findings} as lines, the first {@value #SHOWN} of them. */
    static String shown(List<String> findings) {
        StringBuilder out = new StringBuilder();
        findings.stream().limit(SHOWN).forEach(f -> out.append("\n  - ").append(f));
        if (findings.size() > SHOWN) {
            out.append("\n  ... and ").append(findings.size() - SHOWN).append(" more");
        }
        return out.toString();
    }
}
