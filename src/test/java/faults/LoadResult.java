package faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;

/** What every hit of a load was answered, and when; read once the load has ended. */
final class LoadResult {

    enum Outcome {
        /** 202 without X-Footfall-Dropped: Footfall promised to keep it. */
        ACKNOWLEDGED,
        /** 202 with X-Footfall-Dropped: refused on purpose. */
        DROPPED,
        /** any other status, e.g. a quick 503 or a 429. */
        REJECTED,
        /**
         * 503 after Footfall's own enqueue timeout (2 s): Footfall stopped waiting for Redis, so it does
         * not know whether the hit was queued.
         */
        QUEUE_TIMEOUT,
        /**
         * 503 for a hit whose queue write was in flight when Redis went away: Redis may have stored it
         * and lost only the reply, so Footfall cannot know either.
         */
        CUT_OFF,
        /** connection refused or not made: Footfall never saw it. */
        NOT_DELIVERED,
        /** no answer within the request timeout: Footfall may or may not have taken it. */
        TIMED_OUT,
        /** the connection broke after the request went out: Footfall may or may not have taken it. */
        CONNECTION_LOST;

        boolean unknown() {
            return this == QUEUE_TIMEOUT || this == CUT_OFF || this == TIMED_OUT || this == CONNECTION_LOST;
        }
    }

    /** The hits sent between two instants: how they were answered and the slowest answer. */
    record Window(Map<Outcome, Integer> outcomes, Map<Integer, Integer> statuses, long slowestMillis) {
    }

    private final long[] sentAt;
    private final long[] answeredAt;
    private final Outcome[] outcomes;
    private final int[] statuses;
    private int sent;

    LoadResult(int capacity) {
        sentAt = new long[capacity];
        answeredAt = new long[capacity];
        outcomes = new Outcome[capacity];
        statuses = new int[capacity];
    }

    void sent(int seq, long at) {
        sentAt[seq] = at;
        sent = seq + 1;
    }

    void answered(int seq, Outcome outcome, int status, long at) {
        outcomes[seq] = outcome;
        statuses[seq] = status;
        answeredAt[seq] = at;
    }

    int sent() {
        return sent;
    }

    Outcome outcome(int seq) {
        return seq < sent ? outcomes[seq] : null;
    }

    /** One hit's answer in words, for failure messages. */
    String describe(int seq) {
        return seq < sent ? outcomes[seq] + " " + statuses[seq] + " after " + (answeredAt[seq] - sentAt[seq]) / 1_000_000
                + " ms" : "never sent";
    }

    int count(Outcome outcome) {
        int count = 0;
        for (int seq = 0; seq < sent; seq++) {
            count += outcomes[seq] == outcome ? 1 : 0;
        }
        return count;
    }

    Window between(long fromNanos, long toNanos) {
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long slowest = 0;
        for (int seq = 0; seq < sent; seq++) {
            if (sentAt[seq] >= fromNanos && sentAt[seq] < toNanos) {
                byOutcome.merge(outcomes[seq], 1, Integer::sum);
                byStatus.merge(statuses[seq], 1, Integer::sum);
                slowest = Math.max(slowest, (answeredAt[seq] - sentAt[seq]) / 1_000_000);
            }
        }
        return new Window(byOutcome, byStatus, slowest);
    }

    /** Marks the 503s of hits sent before Redis was gone and answered after it began to stop as CUT_OFF. */
    int cutOff(long stopBegan, long stopEnded) {
        int marked = 0;
        for (int seq = 0; seq < sent; seq++) {
            if (outcomes[seq] == Outcome.REJECTED && statuses[seq] == 503 && sentAt[seq] < stopEnded
                    && answeredAt[seq] >= stopBegan) {
                outcomes[seq] = Outcome.CUT_OFF;
                marked++;
            }
        }
        return marked;
    }

    /** Milliseconds from an instant to the sending of the first hit after it that was acknowledged. */
    OptionalLong firstAcknowledgedAfter(long nanos) {
        for (int seq = 0; seq < sent; seq++) {
            if (sentAt[seq] >= nanos && outcomes[seq] == Outcome.ACKNOWLEDGED) {
                return OptionalLong.of((sentAt[seq] - nanos) / 1_000_000);
            }
        }
        return OptionalLong.empty();
    }

    /** How the hits were answered, second by second in steps, for the test's output. */
    String timeline(int stepSeconds) {
        StringBuilder lines = new StringBuilder();
        long start = sent == 0 ? 0 : sentAt[0];
        long step = stepSeconds * 1_000_000_000L;
        for (long from = start; sent > 0 && from <= sentAt[sent - 1]; from += step) {
            Window window = between(from, from + step);
            lines.append(String.format("  %3ds %s slowest %d ms%n", (from - start) / 1_000_000_000L, window.outcomes(),
                    window.slowestMillis()));
        }
        return lines.toString();
    }

    @Override
    public String toString() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, count(outcome));
        }
        return "sent " + sent + " " + counts;
    }
}
