package ir.parvaneh.kernel.rulebook;

import java.util.List;

/**
 * The fees a rulebook version charges for a proposal, line by line.
 *
 * @param rulebookVersion the rulebook's version label
 * @param rulebookSha256  the SHA-256 of the rulebook's canonical content
 * @param lines           the fee lines, in the manifest's order of fees and then by floor
 * @param totalRials      the sum of the determined lines
 * @param complete        whether every line was determined (else the total is a lower bound)
 */
public record FeeOutcome(String rulebookVersion, String rulebookSha256, List<FeeLine> lines, long totalRials,
                         boolean complete) {

    public FeeOutcome {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
