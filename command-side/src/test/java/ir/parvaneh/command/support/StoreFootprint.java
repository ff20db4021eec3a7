package ir.parvaneh.command.support;

import org.jooq.DSLContext;
import org.jooq.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.command.jooq.axon.Tables.DOMAINEVENTENTRY;
import static ir.parvaneh.command.jooq.layers.Tables.*;

/**
 * How many rows the layer store and the event store hold: taken before and after a refused import, it
 * proves that nothing at all was written (the tests of the command side run one at a time).
 */
public record StoreFootprint(Map<String, Integer> rows) {

    private static final List<Table<?>> TABLES = List.of(LAYER_VERSION, LAYER_ACTIVATION, BOUNDARY, PARCEL, ZONE,
            PASSAGE, PRICE_BLOCK, OVERLAY, DOMAINEVENTENTRY);

    public static StoreFootprint of(DSLContext dsl) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table.getSchema().getName() + "." + table.getName(), dsl.fetchCount(table)));
        return new StoreFootprint(rows);
    }
}
