package dev.bridle.sandbox.internal.v2;

import dev.bridle.sandbox.internal.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list of id'd items, with {@code since_id}/{@code until_id} bounds and opaque
 * {@code pagination_token}s (16 hex digits of the next item's id; {@code next_token} absent on the last page).
 *
 * @param items the items on this page, newest first
 * @param nextToken the token for the next page, or null
 */
record Page<T>(List<T> items, String nextToken) {

    /**
     * Cuts a page out of {@code newestFirst}.
     *
     * @param sinceId exclusive lower bound, or null
     * @param untilId exclusive upper bound, or null
     * @param token a {@code pagination_token}, or null
     */
    static <T> Page<T> of(
            List<T> newestFirst, Function<T, String> idOf, Long sinceId, Long untilId, String token, int max) {
        Long from = token == null ? null : decode(token);
        List<T> eligible = new ArrayList<>();
        for (T item : newestFirst) {
            long id = Long.parseLong(idOf.apply(item));
            if ((sinceId == null || id > sinceId)
                    && (untilId == null || id < untilId)
                    && (from == null || id <= from)) {
                eligible.add(item);
            }
        }
        List<T> page = eligible.subList(0, Math.min(max, eligible.size()));
        String next = eligible.size() > max ? encode(Long.parseLong(idOf.apply(eligible.get(max)))) : null;
        return new Page<>(List.copyOf(page), next);
    }

    /** Cuts a page out of a list that is not ordered by id: the token is the offset of the next item. */
    static <T> Page<T> byOffset(List<T> items, String token, int max) {
        int from = token == null ? 0 : (int) Math.min(decode(token), items.size());
        int to = Math.min(items.size(), from + max);
        return new Page<>(List.copyOf(items.subList(from, to)), to < items.size() ? encode(to) : null);
    }

    static String encode(long id) {
        return String.format("%016x", id);
    }

    private static long decode(String token) {
        try {
            if (token.length() != 16) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(token, 16);
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    "pagination_token",
                    token,
                    "The `pagination_token` query parameter value [" + token + "] is not valid");
        }
    }
}
