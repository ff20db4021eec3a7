package ir.parvaneh.command.gis.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The street network of a demo city: two families of straight streets in a frame rotated by a few degrees
 * from north, laid out from the central arterials outwards with jittered spacing: arterials every 1.3–1.9
 * km, collectors every 330–520 m, local streets between them and 6 m alleys in the old centre. Blocks are
 * denser (shorter, shallower) near the centre. Street {@code i} of a family and street {@code i + 1} bound
 * the blocks of column (or row) {@code i}; a block's edges are set back from each centre line by half the
 * street's legal width, so the parcels' street-facing edges lie exactly there.
 */
final class StreetGrid {

    private static final double MAX_SLOPE = 0.03;

    private final double cos;
    private final double sin;
    private final List<Street> fronting;
    private final List<Street> crossing;

    private StreetGrid(double rotation, List<Street> fronting, List<Street> crossing) {
        this.cos = StrictMath.cos(rotation);
        this.sin = StrictMath.sin(rotation);
        this.fronting = fronting;
        this.crossing = crossing;
    }

    /**
     * Lays out the grid for a city whose built fabric reaches about {@code reach} metres from the centre,
     * with streets out to {@code extent} metres so that blocks can be chosen from it.
     */
    static StreetGrid generate(long seed, double reach, double extent) {
        SeededRandom random = SeededRandom.of(seed, 1);
        double rotation = StrictMath.toRadians(random.sign() * random.between(3, 14));
        List<Street> fronting = family(StreetFamily.FRONTING, seed, reach, extent);
        List<Street> crossing = family(StreetFamily.CROSSING, seed, reach, extent);
        return new StreetGrid(rotation, fronting, crossing);
    }

    /** Block columns: between crossing streets {@code i} and {@code i + 1}. */
    int columns() {
        return crossing.size() - 1;
    }

    /** Block rows: between fronting streets {@code j} and {@code j + 1}. */
    int rows() {
        return fronting.size() - 1;
    }

    Street fronting(int j) {
        return fronting.get(j);
    }

    Street crossing(int i) {
        return crossing.get(i);
    }

    /** The block of column i and row j: the streets' centre lines set back by half their widths. */
    Quad block(int i, int j) {
        Street left = crossing.get(i);
        Street right = crossing.get(i + 1);
        Street bottom = fronting.get(j);
        Street top = fronting.get(j + 1);
        double l = left.shiftedOffset(left.widthM() / 2);
        double r = right.shiftedOffset(-right.widthM() / 2);
        double b = bottom.shiftedOffset(bottom.widthM() / 2);
        double t = top.shiftedOffset(-top.widthM() / 2);
        double[] p00 = corner(left, l, bottom, b);
        double[] p10 = corner(right, r, bottom, b);
        double[] p11 = corner(right, r, top, t);
        double[] p01 = corner(left, l, top, t);
        return new Quad(p00[0], p00[1], p10[0], p10[1], p11[0], p11[1], p01[0], p01[1]);
    }

    /** The cell of column i and row j between the streets' centre lines (the block with half its streets). */
    Quad cell(int i, int j) {
        double[] p00 = junction(i, j);
        double[] p10 = junction(i + 1, j);
        double[] p11 = junction(i + 1, j + 1);
        double[] p01 = junction(i, j + 1);
        return new Quad(p00[0], p00[1], p10[0], p10[1], p11[0], p11[1], p01[0], p01[1]);
    }

    /** Where the centre lines of crossing street i and fronting street j meet, local metres (x, y). */
    double[] junction(int i, int j) {
        Street c = crossing.get(i);
        Street f = fronting.get(j);
        return corner(c, c.offset(), f, f.offset());
    }

    /** Local east metres of a grid point (u, v). */
    double x(double u, double v) {
        return u * cos - v * sin;
    }

    /** Local north metres of a grid point (u, v). */
    double y(double u, double v) {
        return u * sin + v * cos;
    }

    double u(double x, double y) {
        return x * cos + y * sin;
    }

    double v(double x, double y) {
        return -x * sin + y * cos;
    }

    /** The point where {@code u = a + p·v} meets {@code v = b + q·u}, in local metres. */
    private double[] corner(Street crossingStreet, double a, Street frontingStreet, double b) {
        double p = crossingStreet.slope();
        double q = frontingStreet.slope();
        double u = (a + p * b) / (1 - p * q);
        double v = b + q * u;
        return new double[] {x(u, v), y(u, v)};
    }

    private static List<Street> family(StreetFamily family, long seed, double reach, double extent) {
        SeededRandom centre = SeededRandom.of(seed, 2, family.ordinal());
        List<Street> streets = new ArrayList<>();
        Street central = new Street(family, 0, centre.between(-12, 12), 0, StreetRank.ARTERIAL,
                StreetRank.ARTERIAL.width(centre), null);
        streets.add(central);
        for (int direction : new int[] {1, -1}) {
            SeededRandom spacing = SeededRandom.of(seed, 3, family.ordinal(), direction);
            double arterialSpacing = spacing.between(1300, 1900);
            double collectorSpacing = spacing.between(330, 520);
            double sinceArterial = 0;
            double sinceCollector = 0;
            Street previous = central;
            for (int k = 1; ; k++) {
                SeededRandom random = SeededRandom.of(seed, 4, family.ordinal(), (long) direction * k);
                double ratio = Math.min(1, Math.abs(previous.offset()) / reach);
                double span = family == StreetFamily.CROSSING
                        ? random.between(75 + 45 * ratio, 120 + 80 * ratio)
                        : 2 * random.between(14.5 + 5.5 * ratio, 19 + 13 * ratio);
                boolean alleyWanted = random.chance(0.3);
                StreetRank rank;
                if (sinceArterial + span >= arterialSpacing) {
                    rank = StreetRank.ARTERIAL;
                } else if (sinceCollector + span >= collectorSpacing) {
                    rank = StreetRank.COLLECTOR;
                } else if (family == StreetFamily.FRONTING && ratio < 0.35 && alleyWanted
                        && previous.rank() != StreetRank.ALLEY) {
                    rank = StreetRank.ALLEY;
                } else {
                    rank = StreetRank.LOCAL;
                }
                double width = rank.width(random);
                double gap = span + (previous.widthM() + width) / 2;
                double offset = previous.offset() + direction * gap;
                if (Math.abs(offset) > extent) {
                    break;
                }
                if (rank == StreetRank.ARTERIAL) {
                    sinceArterial = 0;
                    sinceCollector = 0;
                    arterialSpacing = spacing.between(1300, 1900);
                } else if (rank == StreetRank.COLLECTOR) {
                    sinceArterial += gap;
                    sinceCollector = 0;
                    collectorSpacing = spacing.between(330, 520);
                } else {
                    sinceArterial += gap;
                    sinceCollector += gap;
                }
                previous = new Street(family, direction * k, offset, 0, rank, width, null);
                streets.add(previous);
            }
        }
        streets.sort(Comparator.comparingDouble(Street::offset));
        return slopedAndNamed(streets, family, seed, extent);
    }

    /**
     * Tilts each street a little against its neighbour (a random walk from the central arterial out), never so
     * much that two neighbours come closer than 80 % of their gap anywhere within the extent, and names them.
     */
    private static List<Street> slopedAndNamed(List<Street> streets, StreetFamily family, long seed, double extent) {
        int centre = 0;
        while (streets.get(centre).index() != 0) {
            centre++;
        }
        double minimumGap = family == StreetFamily.CROSSING ? 80 : 35;
        double step = Math.min(0.006, 0.18 * minimumGap / extent);
        double[] slopes = new double[streets.size()];
        slopes[centre] = SeededRandom.of(seed, 5, family.ordinal(), 0).between(-0.012, 0.012);
        for (int i = centre + 1; i < slopes.length; i++) {
            slopes[i] = tilt(slopes[i - 1], step, SeededRandom.of(seed, 5, family.ordinal(), streets.get(i).index()));
        }
        for (int i = centre - 1; i >= 0; i--) {
            slopes[i] = tilt(slopes[i + 1], step, SeededRandom.of(seed, 5, family.ordinal(), streets.get(i).index()));
        }
        StreetNaming naming = new StreetNaming(SeededRandom.of(seed, 6, family.ordinal()), family);
        List<Street> result = new ArrayList<>(streets.size());
        for (int i = 0; i < streets.size(); i++) {
            Street s = streets.get(i);
            result.add(new Street(family, s.index(), s.offset(), slopes[i], s.rank(), s.widthM(), naming.name(s)));
        }
        return List.copyOf(result);
    }

    private static double tilt(double neighbour, double step, SeededRandom random) {
        return Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, neighbour + random.between(-step, step)));
    }

    /** Hands out names: arterials and collectors from lists, lanes numbered or after flowers, a few unnamed. */
    private static final class StreetNaming {
        private final SeededRandom random;
        private final int arterialStart;
        private final int collectorStart;
        private final String laneWord;

        StreetNaming(SeededRandom random, StreetFamily family) {
            this.random = random;
            this.arterialStart = random.below(PersianNames.ARTERIALS.size()) + family.ordinal() * 5;
            this.collectorStart = random.below(PersianNames.COLLECTORS.size()) + family.ordinal() * 11;
            this.laneWord = family == StreetFamily.FRONTING ? "کوچه " : "کوچه فرعی ";
        }

        String name(Street street) {
            int index = street.index();
            int position = Math.abs(index) * 2 + (index < 0 ? 1 : 0);
            boolean flower = random.chance(0.2);
            boolean unnamed = random.chance(0.08);
            return switch (street.rank()) {
                case ARTERIAL -> PersianNames.ARTERIALS.get((arterialStart + position) % PersianNames.ARTERIALS.size());
                case COLLECTOR -> "خیابان " + PersianNames.COLLECTORS.get((collectorStart + position)
                        % PersianNames.COLLECTORS.size());
                case LOCAL, ALLEY -> unnamed ? null : flower
                        ? "کوچه " + PersianNames.LANES.get(position % PersianNames.LANES.size())
                        : laneWord + PersianNames.digits(position);
            };
        }
    }
}
