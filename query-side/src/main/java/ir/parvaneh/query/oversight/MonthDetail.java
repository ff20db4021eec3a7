package ir.parvaneh.query.oversight;

import java.util.List;

/**
 * A municipality's month for oversight: its figures, its discretionary proposals by proposer and legal basis, and
 * each review decision that overtook an older application of the same reviewer.
 */
record MonthDetail(MonthFigures figures, List<Discretion> discretion, List<Overtake> queueOrder) {

    /**
     * The discretionary decisions one staff member proposed in the month on one legal basis, and what became of
     * them (so far).
     */
    record Discretion(String proposerSubject, String kind, String legalBasisCode, long proposed, long confirmed,
                      long declined, long pending) {
    }

    /**
     * A review decision taken while the same reviewer held older, undecided applications of the queue.
     *
     * @param violation whether it counts as a queue-order violation: the decision records no reason
     */
    record Overtake(String applicationId, String decision, String reviewerSubject, boolean reasonGiven,
                    boolean violation, List<String> overtakenApplicationIds) {
    }
}
