package ir.parvaneh.kernel.rulebook;

/**
 * One output of an assessment ({@code max-floors}, {@code density-percent}, {@code fee-building-area-rials}…),
 * either determined, with its value in canonical text, or not, with the reason. A value is never guessed: an
 * output whose inputs are missing is {@code CANNOT_DETERMINE} and says which fact it lacks.
 *
 * @param name        the stable lowercase-kebab name of the output
 * @param status      {@value #DETERMINED} or {@value #CANNOT_DETERMINE}
 * @param value       canonical text: a plain decimal ({@code BigDecimal.toPlainString}, no exponent, no
 *                    trailing zeros), {@code true}/{@code false}, a code, or a list joined by {@code ","}
 *                    in the order the rule gives; {@code null} when not determined
 * @param unit        the unit the manifest declares for the output ({@code m2}, {@code percent}, {@code rials}…)
 * @param reason      why it cannot be determined (English), {@code null} when determined
 * @param explanation the decision, rows, inputs and legal source behind the value (also behind a refusal
 *                    when a decision was evaluated and matched nothing)
 */
public record AssessedOutput(String name, String status, String value, String unit, String reason,
                             Explanation explanation) {

    public static final String DETERMINED = "DETERMINED";
    public static final String CANNOT_DETERMINE = "CANNOT_DETERMINE";

    public boolean determined() {
        return DETERMINED.equals(status);
    }
}
