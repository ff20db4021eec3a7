package ir.parvaneh.query.infrastructure.jooq;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
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

    /** A {@link java.sql.Array} the driver made, bound as it is. */
    private static final DataType<Array> DRIVER_ARRAY = SQLDataType.OTHER.asConvertedDataType(new DriverArrayBinding());

    private ColumnArrays() {
    }

    private static final class DriverArrayBinding implements Binding<Object, Array> {

        @Override
        public Converter<Object, Array> converter() {
            return Converter.of(Object.class, Array.class, value -> (Array) value, value -> value);
        }

        @Override
        public void sql(BindingSQLContext<Array> ctx) {
            ctx.render().visit(DSL.sql("?"));
        }

        @Override
        public void register(BindingRegisterContext<Array> ctx) throws SQLException {
            ctx.statement().registerOutParameter(ctx.index(), Types.ARRAY);
        }

        @Override
        public void set(BindingSetStatementContext<Array> ctx) throws SQLException {
            ctx.statement().setArray(ctx.index(), ctx.value());
        }

        @Override
        public void set(BindingSetSQLOutputContext<Array> ctx) throws SQLException {
            ctx.output().writeArray(ctx.value());
        }

        @Override
        public void get(BindingGetResultSetContext<Array> ctx) throws SQLException {
            ctx.value(ctx.resultSet().getArray(ctx.index()));
        }

        @Override
        public void get(BindingGetStatementContext<Array> ctx) throws SQLException {
            ctx.value(ctx.statement().getArray(ctx.index()));
        }

        @Override
        public void get(BindingGetSQLInputContext<Array> ctx) throws SQLException {
            ctx.value(ctx.input().readArray());
        }
    }

    /** Every column of {@code table}, from the records, as one insert (not yet executed). */
    public static <R extends TableRecord<R>> InsertOnDuplicateStep<R> insert(DSLContext dsl, Table<R> table,
                                                                             Collection<R> records) {
        Field<?>[] columns = table.fields();
        List<QueryPart> arrays = new ArrayList<>(columns.length);
        String[] names = new String[columns.length];
        StringBuilder unnest = new StringBuilder("unnest(");
        for (int c = 0; c < columns.length; c++) {
            arrays.add(column(dsl, columns[c], records, c));
            names[c] = columns[c].getName();
            unnest.append(c == 0 ? "" : ", ").append('{').append(c).append('}');
        }
        unnest.append(')');
        Table<?> rows = DSL.table(unnest.toString(), arrays.toArray()).as("r", names);
        return dsl.insertInto(table, columns).select(DSL.selectFrom(rows));
    }

    /**
     * A text or JSON column travels as the driver's own array, which it sends in PostgreSQL's binary format: jOOQ
     * would write it as one array literal, quoting and escaping every character of every value (a large share of a
     * rebuild's time with the decision history's payloads).
     */
    private static <R extends TableRecord<R>> QueryPart column(DSLContext dsl, Field<?> column, Collection<R> records,
                                                               int index) {
        Class<?> type = column.getType();
        if (type == String.class || type == JSONB.class) {
            String[] values = new String[records.size()];
            int row = 0;
            for (R record : records) {
                Object value = record.get(index);
                // JSONB.data(), the text as given: JSONB.toString() parses and rewrites it.
                values[row++] = value == null ? null : value instanceof JSONB json ? json.data() : (String) value;
            }
            Array array = dsl.connectionResult(connection -> connection.createArrayOf("text", values));
            return DSL.field("{0}::" + (type == JSONB.class ? "jsonb[]" : "text[]"), Object.class,
                    DSL.val(array, DRIVER_ARRAY));
        }
        return typed(column, records, index);
    }

    @SuppressWarnings("unchecked")
    private static <T, R extends TableRecord<R>> Param<T[]> typed(Field<T> column, Collection<R> records, int index) {
        DataType<T> type = column.getDataType();
        T[] values = (T[]) java.lang.reflect.Array.newInstance(type.getType(), records.size());
        int row = 0;
        for (R record : records) {
            values[row++] = (T) record.get(index);
        }
        return DSL.val(values, type.getArrayDataType());
    }
}
