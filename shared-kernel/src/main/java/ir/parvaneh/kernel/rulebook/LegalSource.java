package ir.parvaneh.kernel.rulebook;

/**
 * The legal instrument a decision table transcribes, so that a citizen can see on what authority a number
 * was set: the council or commission that passed it, its resolution number and date, and its Persian title.
 *
 * @param body             the body that passed it, e.g. {@code کمیسیون ماده ۵ استان قزوین}
 * @param resolutionNumber the resolution's number as printed on it
 * @param date             its date as printed (Jalali, e.g. {@code 1403-02-15}), kept as text
 * @param titleFa          its title in Persian
 */
public record LegalSource(String body, String resolutionNumber, String date, String titleFa) {
}
