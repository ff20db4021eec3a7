/**
 * The published language of rulebooks: a rulebook version's content ({@link ir.parvaneh.kernel.rulebook.RulebookContent},
 * identified by its canonical SHA-256) and what evaluating it gives — a parcel's zoning outcome with every output
 * explained, the fees of a proposal, a planner's evaluation of one decision. Plain data (strings, numbers,
 * booleans, lists, sorted maps), so that events can carry them and a re-evaluation can be compared byte for byte.
 * The format of a rulebook is described in docs/rulebooks.md.
 */
package ir.parvaneh.kernel.rulebook;
