package ir.parvaneh.query.infrastructure.jooq;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Many rows into one table as one statement whose text does not depend on how many rows there are:
 * {@code INSERT INTO t (a, b, …) SELECT * FROM unnest(?::a_type[], ?::b_type[], …)}, one array parameter per
 * column. A projector writes a whole processor batch this way: PostgreSQL parses and plans one short statement
 * instead of a multi-row {@code VALUES} list of thousands of parameters (different for every batch size), and
 * jOOQ renders a handful of parameters instead of one per value. The caller adds the {@code ON CONFLICT} clause
 * that makes the write idempotent.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** Every column of {@code table}, from the records, as one insert (not yet executed). */
    public static <R extends TableRecord<R>> InsertOnDuplicateStep<R> insert(DSLContext dsl, Table<R> table,
                                                                             Collection<R> records) {
        Field<?>[] columns = table.fields();
        List<Param<?>> arrays = new ArrayList<>(columns.length);
        String[] names = new String[columns.length];
        StringBuilder unnest = new StringBuilder("unnest(");
        for (int c = 0; c < columns.length; c++) {
            arrays.add(column(columns[c], records, c));
            names[c] = columns[c].getName();
            unnest.append(c == 0 ? "" : ", ").append('{').append(c).append('}');
        }
        unnest.append(')');
        Table<?> rows = DSL.table(unnest.toString(), arrays.toArray()).as("r", names);
        return dsl.insertInto(table, columns).select(DSL.selectFrom(rows));
    }

    @SuppressWarnings("unchecked")
    private static <T, R extends TableRecord<R>> Param<T[]> column(Field<T> column, Collection<R> records, int index) {
        DataType<T> type = column.getDataType();
        T[] values = (T[]) Array.newInstance(type.getType(), records.size());
        int row = 0;
        for (R record : records) {
            values[row++] = (T) record.get(index);
        }
        return DSL.val(values, type.getArrayDataType());
    }
}
