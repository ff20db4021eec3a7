package ir.parvaneh.command.gis.demo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The detailed plan's zoning of a demo city. Quarters of a few blocks each get a residential density by
 * their distance from the centre (mixed use at the centre, denser to sparser outwards); rows facing
 * arterials and collectors are zoned commercial; a few blocks are public facilities or green space.
 * Zones cover the blocks (not the streets between them), one feature per quarter and code.
 * <p>
 * Real plans do not always follow block edges, so neither does this one: some quarter borders run
 * through a column of blocks instead of along a street, some commercial strips stop a fixed depth into
 * the lots instead of at their rear line, and some blocks give part of their land to a facility. These
 * are switched on until about 5 % of a city's parcels lie in two zones (4.5–6.5 % as planned).
 */
final class ZonePlan {

    static final String MIXED = "M111";
    static final String FACILITY = "T111";
    static final String GREEN = "G111";
    static final String ARTERIAL_COMMERCE = "S211";
    static final String COLLECTOR_COMMERCE = "S111";

    private static final double SPLIT_FLOOR = 0.045;
    private static final double SPLIT_CEILING = 0.065;
    /** Where a commercial strip that stops short ends: this far across the block from its street. */
    private static final double PARTIAL_STRIP_T = 0.2;
    /** A border through a block keeps this far from the lots' own boundaries and from the block's ends. */
    private static final double CLEARANCE_M = 1.5;

    /** A piece of a zone inside one block: the quarter whose feature it joins, its code, its outline. */
    record Piece(int quarter, String code, double[] ring) {
    }

    private final StreetGrid grid;
    private final int quarterWidth;
    private final int quarterHeight;
    private final int quarterColumns;
    private final String[] quarterCodes;
    private final double[] borderFraction;
    private final BitSet borderThroughBlocks = new BitSet();
    private final BitSet stripStopsShort = new BitSet();
    private final BitSet facilityPatch = new BitSet();
    private final String[] wholeBlock;

    private ZonePlan(StreetGrid grid, int quarterWidth, int quarterHeight, long seed) {
        this.grid = grid;
        this.quarterWidth = quarterWidth;
        this.quarterHeight = quarterHeight;
        this.quarterColumns = (grid.columns() + quarterWidth - 1) / quarterWidth;
        int quarterRows = (grid.rows() + quarterHeight - 1) / quarterHeight;
        this.quarterCodes = new String[quarterColumns * quarterRows];
        this.borderFraction = new double[quarterColumns];
        SeededRandom random = SeededRandom.of(seed, 20);
        for (int q = 0; q < quarterColumns; q++) {
            borderFraction[q] = random.between(0.3, 0.7);
        }
        this.wholeBlock = new String[grid.columns() * grid.rows()];
    }

    /** Zones the built blocks of a city whose fabric was planned to reach {@code reach} metres. */
    static ZonePlan plan(StreetGrid grid, List<UrbanBlock> blocks, double reach, long seed) {
        double meanLength = meanGap(grid, StreetFamily.CROSSING);
        double meanDepth = meanGap(grid, StreetFamily.FRONTING);
        ZonePlan plan = new ZonePlan(grid, Math.max(2, (int) Math.round(450 / meanLength)),
                Math.max(2, (int) Math.round(350 / meanDepth)), seed);
        plan.codeQuarters(blocks.isEmpty() ? null : blocks.get(0), reach);
        UrbanBlock[] byCell = new UrbanBlock[grid.columns() * grid.rows()];
        int[] lowerBuilt = new int[byCell.length];
        int[] upperBuilt = new int[byCell.length];
        int parcels = 0;
        for (UrbanBlock block : blocks) {
            int cell = plan.cell(block.column(), block.row());
            byCell[cell] = block;
            BlockSubdivision.Plan lots = BlockSubdivision.plan(block);
            lowerBuilt[cell] = Math.min(block.builtParcels(), lots.lower().size());
            upperBuilt[cell] = Math.min(Math.max(0, block.builtParcels() - lots.lower().size()), lots.upper().size());
            parcels += block.builtParcels();
            SeededRandom use = SeededRandom.of(block.seed(), 6);
            double roll = use.nextDouble();
            if (block.number() > 3) {
                plan.wholeBlock[cell] = roll < 0.02 ? FACILITY : roll < 0.035 ? GREEN : null;
            }
        }
        plan.chooseSplits(blocks, byCell, lowerBuilt, upperBuilt, parcels, seed);
        return plan;
    }

    /** The zone pieces of a built block, given its lots (borders through it keep clear of their boundaries). */
    List<Piece> pieces(UrbanBlock block, BlockSubdivision.Plan lots) {
        int i = block.column();
        int j = block.row();
        int quarter = quarterOf(i, j);
        String base = quarterCodes[quarter];
        Quad quad = block.quad();
        List<Piece> pieces = new ArrayList<>(4);
        String whole = wholeBlock[cell(i, j)];
        if (whole != null) {
            pieces.add(new Piece(quarter, whole, quad.ring()));
            return pieces;
        }
        String lowCode = stripCode(grid.fronting(j), base);
        String highCode = stripCode(grid.fronting(j + 1), base);
        double low = lowCode == null ? 0 : stripStopsShort.get(strip(j, i)) ? PARTIAL_STRIP_T : 0.5;
        double high = highCode == null ? 1 : stripStopsShort.get(strip(j + 1, i)) ? 1 - PARTIAL_STRIP_T : 0.5;
        if (low >= high) {
            if (lowCode.equals(highCode)) {
                pieces.add(new Piece(quarter, lowCode, quad.ring()));
            } else {
                pieces.add(new Piece(quarter, lowCode, quad.ring(0, 1, 0, 0.5)));
                pieces.add(new Piece(quarter, highCode, quad.ring(0, 1, 0.5, 1)));
            }
            return pieces;
        }
        if (lowCode != null) {
            pieces.add(new Piece(quarter, lowCode, quad.ring(0, 1, 0, low)));
        }
        int quarterColumn = i / quarterWidth;
        boolean border = i % quarterWidth == 0 && quarterColumn >= 1
                && borderThroughBlocks.get(quarterBorder(quarterColumn, j / quarterHeight));
        if (border) {
            double s = clear(borderFraction[quarterColumn], lots, quad);
            int left = quarterOf(i - 1, j);
            pieces.add(new Piece(left, quarterCodes[left], quad.ring(0, s, low, high)));
            pieces.add(new Piece(quarter, base, quad.ring(s, 1, low, high)));
        } else if (facilityPatch.get(cell(i, j))) {
            double s = clear(SeededRandom.of(block.seed(), 5).between(0.25, 0.45), lots, quad);
            pieces.add(new Piece(quarter, FACILITY, quad.ring(0, s, low, high)));
            pieces.add(new Piece(quarter, base, quad.ring(s, 1, low, high)));
        } else {
            pieces.add(new Piece(quarter, base, quad.ring(0, 1, low, high)));
        }
        if (highCode != null) {
            pieces.add(new Piece(quarter, highCode, quad.ring(0, 1, high, 1)));
        }
        return pieces;
    }

    /** Whether a border of this plan runs through the block's lots (not only along their edges). */
    boolean cutsThroughLots(UrbanBlock block) {
        int i = block.column();
        int j = block.row();
        if (wholeBlock[cell(i, j)] != null) {
            return false;
        }
        String base = quarterCodes[quarterOf(i, j)];
        boolean border = i % quarterWidth == 0 && i >= quarterWidth
                && borderThroughBlocks.get(quarterBorder(i / quarterWidth, j / quarterHeight));
        return border || facilityPatch.get(cell(i, j))
                || stripCode(grid.fronting(j), base) != null && stripStopsShort.get(strip(j, i))
                || stripCode(grid.fronting(j + 1), base) != null && stripStopsShort.get(strip(j + 1, i));
    }

    int quarterOf(int column, int row) {
        return (row / quarterHeight) * quarterColumns + column / quarterWidth;
    }

    /** The quarter's number as a renovation code's district (1–99). */
    int district(int column, int row) {
        return 1 + quarterOf(column, row) % 99;
    }

    String quarterCode(int quarter) {
        return quarterCodes[quarter];
    }

    private void codeQuarters(UrbanBlock central, double reach) {
        int centralQuarter = central == null ? -1 : quarterOf(central.column(), central.row());
        for (int q = 0; q < quarterCodes.length; q++) {
            int qi = q % quarterColumns;
            int qj = q / quarterColumns;
            double[] middle = grid.junction(Math.min(qi * quarterWidth + quarterWidth / 2, grid.columns()),
                    Math.min(qj * quarterHeight + quarterHeight / 2, grid.rows()));
            double ratio = Quad.length(middle[0], middle[1]) / reach;
            boolean even = (qi + qj) % 2 == 0;
            if (q == centralQuarter || ratio < 0.2) {
                quarterCodes[q] = MIXED;
            } else if (ratio < 0.45) {
                quarterCodes[q] = even ? "R122" : "R121";
            } else if (ratio < 0.75) {
                quarterCodes[q] = even ? "R121" : "R112";
            } else {
                quarterCodes[q] = even ? "R111" : "R211";
            }
        }
    }

    /**
     * Switches borders through blocks and short strips on, in a random order, while the parcels they split stay
     * under the ceiling, until the floor is reached; facility patches (two split parcels each) fine-tune.
     */
    private void chooseSplits(List<UrbanBlock> blocks, UrbanBlock[] byCell, int[] lowerBuilt, int[] upperBuilt,
                              int parcels, long seed) {
        List<long[]> candidates = new ArrayList<>();
        for (int qi = 1; qi < quarterColumns; qi++) {
            int column = qi * quarterWidth;
            for (int row0 = 0; row0 < grid.rows(); row0 += quarterHeight) {
                int leftQuarter = quarterOf(column - 1, row0);
                int quarter = quarterOf(column, row0);
                if (quarterCodes[leftQuarter].equals(quarterCodes[quarter])) {
                    continue;
                }
                int split = 0;
                for (int j = row0; j < Math.min(row0 + quarterHeight, grid.rows()); j++) {
                    int cell = cell(column, j);
                    if (byCell[cell] != null && wholeBlock[cell] == null) {
                        split += (lowerBuilt[cell] > 0 ? 1 : 0) + (upperBuilt[cell] > 0 ? 1 : 0);
                    }
                }
                if (split > 0) {
                    candidates.add(new long[] {0, quarterBorder(qi, row0 / quarterHeight), split});
                }
            }
        }
        for (int j = 1; j < grid.rows(); j++) {
            StreetRank rank = grid.fronting(j).rank();
            if (rank != StreetRank.ARTERIAL && rank != StreetRank.COLLECTOR) {
                continue;
            }
            for (int column0 = 0; column0 < grid.columns(); column0 += quarterWidth) {
                int split = 0;
                for (int i = column0; i < Math.min(column0 + quarterWidth, grid.columns()); i++) {
                    int above = cell(i, j);
                    if (byCell[above] != null && wholeBlock[above] == null && residential(i, j)) {
                        split += lowerBuilt[above];
                    }
                    int below = cell(i, j - 1);
                    if (byCell[below] != null && wholeBlock[below] == null && residential(i, j - 1)) {
                        split += upperBuilt[below];
                    }
                }
                if (split > 0) {
                    candidates.add(new long[] {1, strip(j, column0), split});
                }
            }
        }
        SeededRandom random = SeededRandom.of(seed, 21);
        shuffle(candidates, random);
        double floor = SPLIT_FLOOR * parcels;
        double ceiling = SPLIT_CEILING * parcels;
        int split = 0;
        for (long[] candidate : candidates) {
            if (split >= floor) {
                break;
            }
            if (split + candidate[2] <= ceiling) {
                (candidate[0] == 0 ? borderThroughBlocks : stripStopsShort).set((int) candidate[1]);
                split += (int) candidate[2];
            }
        }
        List<UrbanBlock> patchable = new ArrayList<>(blocks);
        shuffle(patchable, random);
        for (UrbanBlock block : patchable) {
            if (split >= floor || split + 2 > ceiling) {
                break;
            }
            int cell = cell(block.column(), block.row());
            boolean onBorder = block.column() % quarterWidth == 0 && block.column() >= quarterWidth
                    && borderThroughBlocks.get(quarterBorder(block.column() / quarterWidth, block.row() / quarterHeight));
            if (wholeBlock[cell] == null && !onBorder && lowerBuilt[cell] > 0 && upperBuilt[cell] > 0) {
                facilityPatch.set(cell);
                split += 2;
            }
        }
    }

    private boolean residential(int column, int row) {
        return quarterCodes[quarterOf(column, row)].startsWith("R");
    }

    /** Commercial zoning of the row facing a street: only arterials and collectors, only in residential quarters. */
    private static String stripCode(Street street, String base) {
        if (!base.startsWith("R")) {
            return null;
        }
        return switch (street.rank()) {
            case ARTERIAL -> ARTERIAL_COMMERCE;
            case COLLECTOR -> COLLECTOR_COMMERCE;
            default -> null;
        };
    }

    /** The s nearest to {@code wanted} that keeps clear of the lots' boundaries in both rows and of the ends. */
    private static double clear(double wanted, BlockSubdivision.Plan lots, Quad quad) {
        double length = Math.max(1, Math.min(quad.bottomLength(), quad.topLength()));
        for (int step = 0; step <= 12; step++) {
            for (int sign : new int[] {1, -1}) {
                double s = wanted + sign * step / length;
                if (clearOf(s, lots.lower(), length) && clearOf(s, lots.upper(), length)
                        && s >= 3 / length && s <= 1 - 3 / length) {
                    return s;
                }
            }
        }
        return wanted;
    }

    private static boolean clearOf(double s, BlockSubdivision.Row row, double length) {
        double margin = CLEARANCE_M / length;
        for (int k = 0; k < row.front().length; k++) {
            if (Math.abs(s - row.front()[k]) < margin || Math.abs(s - row.rear()[k]) < margin
                    || Math.abs(s - row.bend()[k]) < margin) {
                return false;
            }
        }
        return true;
    }

    private int cell(int column, int row) {
        return column * grid.rows() + row;
    }

    private int quarterBorder(int quarterColumn, int quarterRow) {
        return quarterRow * quarterColumns + quarterColumn;
    }

    private int strip(int frontingStreet, int column) {
        return frontingStreet * quarterColumns + column / quarterWidth;
    }

    private static double meanGap(StreetGrid grid, StreetFamily family) {
        int count = family == StreetFamily.CROSSING ? grid.columns() : grid.rows();
        double first = family == StreetFamily.CROSSING ? grid.crossing(0).offset() : grid.fronting(0).offset();
        double last = family == StreetFamily.CROSSING ? grid.crossing(count).offset() : grid.fronting(count).offset();
        return (last - first) / Math.max(1, count);
    }

    private static <T> void shuffle(List<T> list, SeededRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.below(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
