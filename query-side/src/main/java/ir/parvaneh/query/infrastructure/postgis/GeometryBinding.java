package ir.parvaneh.query.infrastructure.postgis;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;

/**
 * jOOQ's open-source edition knows PostGIS {@code geometry} columns only as opaque text
 * ({@link org.jooq.Geometry}): this binding maps them to JTS {@link Geometry}, through hex EWKB, which keeps
 * the SRID. The code generator attaches it to
 * every {@code geometry} column (see the module's pom).
 */
public class GeometryBinding implements Binding<org.jooq.Geometry, Geometry> {

    private static final Converter<org.jooq.Geometry, Geometry> CONVERTER = new Converter<>() {
        @Override
        public Geometry from(org.jooq.Geometry databaseObject) {
            if (databaseObject == null) {
                return null;
            }
            try {
                return new WKBReader().read(WKBReader.hexToBytes(databaseObject.data()));
            } catch (ParseException e) {
                throw new IllegalStateException("Not a PostGIS geometry: " + databaseObject, e);
            }
        }

        @Override
        public org.jooq.Geometry to(Geometry geometry) {
            if (geometry == null) {
                return null;
            }
            int dimension = geometry.isEmpty() || Double.isNaN(geometry.getCoordinate().getZ()) ? 2 : 3;
            return org.jooq.Geometry.valueOf(WKBWriter.toHex(new WKBWriter(dimension, true).write(geometry)));
        }

        @Override
        public Class<org.jooq.Geometry> fromType() {
            return org.jooq.Geometry.class;
        }

        @Override
        public Class<Geometry> toType() {
            return Geometry.class;
        }
    };

    @Override
    public Converter<org.jooq.Geometry, Geometry> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<Geometry> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            org.jooq.Geometry value = ctx.convert(converter()).value();
            ctx.render().visit(DSL.inline(value == null ? null : value.data())).sql("::geometry");
        } else {
            ctx.render().sql(ctx.variable()).sql("::geometry");
        }
    }

    @Override
    public void register(BindingRegisterContext<Geometry> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<Geometry> ctx) throws SQLException {
        org.jooq.Geometry value = ctx.convert(converter()).value();
        ctx.statement().setString(ctx.index(), value == null ? null : value.data());
    }

    @Override
    public void get(BindingGetResultSetContext<Geometry> ctx) throws SQLException {
        ctx.convert(converter()).value(geometry(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<Geometry> ctx) throws SQLException {
        ctx.convert(converter()).value(geometry(ctx.statement().getString(ctx.index())));
    }

    private static org.jooq.Geometry geometry(String hexEwkb) {
        return hexEwkb == null ? null : org.jooq.Geometry.valueOf(hexEwkb);
    }

    @Override
    public void set(BindingSetSQLOutputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
