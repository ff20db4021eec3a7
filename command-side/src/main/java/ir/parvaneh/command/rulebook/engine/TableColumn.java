package ir.parvaneh.command.rulebook.engine;

import java.util.List;
import java.util.Set;

/**
 * One input column of a decision table as the checks see it: the variable it reads, the values that variable
 * can take, and each row's entry.
 *
 * @param name           the variable (the input expression, which the format asks to be a plain name)
 * @param label          the column's label as written
 * @param type           the variable's type, when known
 * @param domain         the values a numeric variable can take; {@link Interval#ALL} when undeclared
 * @param declaredValues the values a code variable can take, empty when undeclared
 * @param nullable       whether null is an ordinary value of the variable
 * @param entries        each row's entry, in row order
 * @param texts          each row's entry text as written
 */
record TableColumn(String name, String label, FactCatalogue.Type type, Interval domain, Set<String> declaredValues,
                   boolean nullable, List<EntryCondition> entries, List<String> texts) {

    boolean numeric() {
        return type != null ? FactCatalogue.numeric(type)
                : entries.stream().anyMatch(e -> e instanceof EntryCondition.Numbers);
    }

    boolean integer() {
        return type == FactCatalogue.Type.INTEGER;
    }
}
