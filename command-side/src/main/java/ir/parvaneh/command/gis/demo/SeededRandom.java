package ir.parvaneh.command.gis.demo;

import java.nio.charset.StandardCharsets;

/**
 * A SplitMix64 sequence. The demo fabric is written out byte for byte from these numbers, and a layer
 * version is identified by the hash of its content, so the sequence must never change with the JDK:
 * this is why the generator does not use {@code java.util.Random} or {@code SplittableRandom}, whose
 * algorithms are implementation details.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    /** An independent sequence for one part of the fabric, named by its seed and a few integers. */
    static SeededRandom of(long seed, long... parts) {
        return new SeededRandom(derive(seed, parts));
    }

    /** A seed derived from another and a few integers; the order of the parts matters. */
    static long derive(long seed, long... parts) {
        long z = mix(seed);
        for (long part : parts) {
            z = mix(z ^ mix(part + GOLDEN_GAMMA));
        }
        return z;
    }

    /** FNV-1a over the UTF-8 bytes, then mixed: a stable 64-bit digest of a name. */
    static long digest(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return mix(hash);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [from, to). */
    double between(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** +1 or -1 with equal chance. */
    double sign() {
        return (nextLong() & 1) == 0 ? 1 : -1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
