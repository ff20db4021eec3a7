package ir.parvaneh.command.gis.demo;

/**
 * The hierarchy of the demo street network, with the legal widths (metres) a detailed plan gives each
 * rank. Widths come from short lists rather than a range because plans use round widths.
 */
enum StreetRank {
    ARTERIAL(30, 35, 40, 45),
    COLLECTOR(16, 18, 20, 24),
    LOCAL(8, 10, 12),
    ALLEY(6);

    private final double[] widths;

    StreetRank(double... widths) {
        this.widths = widths;
    }

    double width(SeededRandom random) {
        return widths[random.below(widths.length)];
    }
}
