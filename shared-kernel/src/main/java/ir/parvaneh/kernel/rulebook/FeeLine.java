package ir.parvaneh.kernel.rulebook;

/**
 * One fee of a proposal: its type, the amount in whole Rials after the rulebook's money rounding, and why.
 *
 * @param type        the fee's stable name, e.g. {@code fee-building-area-rials}
 * @param amountRials the amount; {@code 0} when not determined
 * @param explanation the decision, rows, inputs, formula and legal source behind it
 * @param status      {@value AssessedOutput#DETERMINED} or {@value AssessedOutput#CANNOT_DETERMINE}
 * @param reason      why not determined, else {@code null}
 * @param floorLevel  for a fee charged floor by floor, the floor's level; {@code null} for the whole proposal
 */
public record FeeLine(String type, long amountRials, Explanation explanation, String status, String reason,
                      Integer floorLevel) {

    public boolean determined() {
        return AssessedOutput.DETERMINED.equals(status);
    }
}
