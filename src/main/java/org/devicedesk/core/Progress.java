package org.devicedesk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far long work has come, in words (issue 17): what is being done now, how far (0–1), and an estimate of
 * the time left once there is enough to go on — "Copying the backup in: 45%, about 20 seconds left". A service
 * reports steps to a {@link Listener}; {@link Estimate} turns them into the sentence a window shows.
 */
public record Progress(String doing, double fraction) {
    /** What long work reports to: the step it is on and how far it has come overall (0–1). */
    @FunctionalInterface
    public interface Listener {
        void at(String doing, double fraction);

        Listener NONE = (d, f) -> { };
    }

    /** Turns reported steps into sentences, estimating the time left from the pace so far. */
    public static final class Estimate {
        private final Clock clock;
        private final Instant start;

        public Estimate(Clock clock) {
            this.clock = clock;
            this.start = clock.instant();
        }

        /** The time left at this pace, or null while there is too little to go on (under 2 s or 2% done). */
        public Duration left(double fraction) {
            Duration elapsed = Duration.between(start, clock.instant());
            if (fraction >= 1) return Duration.ZERO;
            if (fraction < 0.02 || elapsed.toMillis() < 2000) return null;
            return Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction));
        }

        /** "Copying the backup in: 45%, about 20 seconds left"; "… : 3%" while no estimate can be made yet. */
        public String describe(String doing, double fraction) {
            double f = Math.max(0, Math.min(1, fraction));
            String text = doing + ": " + Math.round(f * 100) + "%";
            Duration left = left(f);
            if (left == null || f >= 1) return text;
            return text + ", " + about(left) + " left";
        }

        /** "about 20 seconds", "about 3 minutes", "less than a second"… rounded as people say it. */
        public static String about(Duration d) {
            long s = Math.round(d.toMillis() / 1000.0);
            if (s < 1) return "less than a second";
            if (s < 60) {
                long r = s < 10 ? s : Math.round(s / 5.0) * 5;
                return "about " + r + (r == 1 ? " second" : " seconds");
            }
            long m = Math.round(s / 60.0);
            if (m < 60) return "about " + m + (m == 1 ? " minute" : " minutes");
            long h = m / 60, rest = m % 60;
            return "about " + h + (h == 1 ? " hour" : " hours") + (rest == 0 ? "" : " " + rest + " min");
        }
    }
}
