package ir.parvaneh.command.gis.write.importing;

import com.fasterxml.jackson.databind.JsonNode;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.OverlayPrecedence;
import ir.parvaneh.kernel.gis.Plate;
import ir.parvaneh.kernel.text.PersianText;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static ir.parvaneh.command.jooq.layers.Tables.BOUNDARY;
import static ir.parvaneh.command.jooq.layers.Tables.OVERLAY;
import static ir.parvaneh.command.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.command.jooq.layers.Tables.PASSAGE;
import static ir.parvaneh.command.jooq.layers.Tables.PRICE_BLOCK;
import static ir.parvaneh.command.jooq.layers.Tables.ZONE;

/**
 * What a layer's features carry: the GeoJSON properties each layer reads, how each is checked and
 * normalised, and the column it is stored in. This is the import contract GIS units follow
 * (docs/gis-layers.md); other properties in a file are ignored and do not enter the checksum.
 */
record LayerSchema(LayerKind layer, Table<?> table, List<Attribute> attributes) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9._\\-]{0,19}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** The most digits a numeric attribute may have, and the furthest its decimal point may lie from them. */
    private static final int MAX_DIGITS = 40;

    /** One property of a feature: where it is stored, whether it must be there, and how it is read. */
    record Attribute(String property, TableField<?, ?> column, boolean required, Reader reader) {
    }

    /** Reads a present, non-null property value; throws {@link IllegalArgumentException} with the reason. */
    @FunctionalInterface
    interface Reader {
        Object read(JsonNode value);
    }

    static LayerSchema of(LayerKind layer) {
        return switch (layer) {
            case BOUNDARY -> new LayerSchema(layer, BOUNDARY, List.of(
                    new Attribute("name", BOUNDARY.NAME, false, text(200))));
            case PARCELS -> new LayerSchema(layer, PARCEL, List.of(
                    new Attribute("plate", PARCEL.PLATE, true, LayerSchema::plate),
                    new Attribute("renovation_code", PARCEL.RENOVATION_CODE, false, text(60))));
            case ZONES -> new LayerSchema(layer, ZONE, List.of(
                    new Attribute("zone_code", ZONE.ZONE_CODE, true, code(CODE))));
            case PASSAGES -> new LayerSchema(layer, PASSAGE, List.of(
                    new Attribute("width_m", PASSAGE.WIDTH_M, true, decimal("2", "200")),
                    new Attribute("name", PASSAGE.NAME, false, text(200))));
            case PRICE_BLOCKS -> new LayerSchema(layer, PRICE_BLOCK, List.of(
                    new Attribute("price_rials", PRICE_BLOCK.PRICE_RIALS_PER_M2, true, integer(1, 1_000_000_000_000L)),
                    new Attribute("block_code", PRICE_BLOCK.BLOCK_CODE, false, text(40))));
            case OVERLAYS -> new LayerSchema(layer, OVERLAY, List.of(
                    new Attribute("overlay_code", OVERLAY.OVERLAY_CODE, true, code(CODE)),
                    new Attribute("kind", OVERLAY.KIND, true, code(KIND)),
                    new Attribute("precedence", OVERLAY.PRECEDENCE, true, LayerSchema::precedence),
                    new Attribute("max_floors", OVERLAY.MAX_FLOORS, false, integer(0, 200)),
                    new Attribute("max_height_m", OVERLAY.MAX_HEIGHT_M, false, decimal("0", "1000")),
                    new Attribute("setback_m", OVERLAY.SETBACK_M, false, decimal("0", "1000")),
                    new Attribute("replacement_zone", OVERLAY.REPLACEMENT_ZONE, false, code(CODE)),
                    new Attribute("description", OVERLAY.DESCRIPTION, false, text(500))));
        };
    }

    /**
     * Reads and checks a feature's properties into its column values, in {@link #attributes()} order
     * ({@code null} for an absent optional property).
     */
    Object[] read(int featureIndex, JsonNode properties) {
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            JsonNode value = properties == null ? null : properties.get(attribute.property());
            boolean absent = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
            if (absent) {
                if (attribute.required()) {
                    throw FeatureRejection.at(featureIndex, ErrorCode.LAYER_IMPORT_MISSING_ATTRIBUTE,
                            "the property '" + attribute.property() + "' is required").with("attribute", attribute.property());
                }
                continue;
            }
            try {
                values[i] = attribute.reader().read(value);
            } catch (DomainException | IllegalArgumentException e) {
                throw FeatureRejection.at(featureIndex, ErrorCode.LAYER_IMPORT_INVALID_ATTRIBUTE,
                        "'" + attribute.property() + "': " + e.getMessage()).with("attribute", attribute.property());
            }
        }
        if (layer == LayerKind.OVERLAYS && OverlayPrecedence.REPLACE.name().equals(values[2]) && values[6] == null) {
            throw FeatureRejection.at(featureIndex, ErrorCode.LAYER_IMPORT_MISSING_ATTRIBUTE,
                    "an overlay that replaces the base zone must name its 'replacement_zone'")
                    .with("attribute", "replacement_zone");
        }
        return values;
    }

    /** The values as the checksum sees them: a fixed text form, independent of JSON formatting. */
    static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    Field<?> geometryColumn() {
        return table.field("geom");
    }

    Field<Integer> featureIndexColumn() {
        return table.field("feature_index", Integer.class);
    }

    private static Object plate(JsonNode value) {
        return Plate.normalize(value.asText());
    }

    private static Object precedence(JsonNode value) {
        try {
            return OverlayPrecedence.valueOf(value.asText().strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of RESTRICT, RELAX, REPLACE");
        }
    }

    private static Reader text(int maxLength) {
        return value -> {
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("must be text");
            }
            String text = PersianText.normalize(value.asText()).strip();
            if (text.length() > maxLength) {
                throw new IllegalArgumentException("is longer than " + maxLength + " characters");
            }
            return text;
        };
    }

    private static Reader code(Pattern pattern) {
        return value -> {
            String code = PersianText.latinDigits(value.asText()).strip().toUpperCase(Locale.ROOT);
            if (!value.isValueNode() || !pattern.matcher(code).matches()) {
                throw new IllegalArgumentException("'" + value.asText() + "' is not a code of Latin letters and digits");
            }
            return code;
        };
    }

    /** Metres to the centimetre; more decimals are rounded half-up, as survey widths are. */
    private static Reader decimal(String min, String max) {
        BigDecimal lower = new BigDecimal(min);
        BigDecimal upper = new BigDecimal(max);
        return value -> {
            BigDecimal number = number(value).setScale(2, RoundingMode.HALF_UP);
            if (number.compareTo(lower) < 0 || number.compareTo(upper) > 0) {
                throw new IllegalArgumentException(number.toPlainString() + " is not between " + min + " and " + max);
            }
            return number;
        };
    }

    private static Reader integer(long min, long max) {
        return value -> {
            BigDecimal number = number(value);
            if (number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(number.toPlainString() + " is not a whole number");
            }
            // Compared as a decimal first: 1e30 is whole but no long, and must be refused, not overflow.
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new IllegalArgumentException(number.toPlainString() + " is not between " + min + " and " + max);
            }
            long whole = number.longValueExact();
            return max <= Integer.MAX_VALUE ? (Object) (int) whole : (Object) whole;
        };
    }

    private static BigDecimal number(JsonNode value) {
        BigDecimal number;
        try {
            // Persian spreadsheets write 240٬000٬000 and 12٫5: the Arabic thousands (U+066C) and decimal (U+066B)
            // separators, as well as the Latin comma.
            number = value.isNumber() ? value.decimalValue() : new BigDecimal(PersianText.latinDigits(value.asText())
                    .strip().replace("٫", ".").replace("٬", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not a number");
        }
        // Before any arithmetic: rounding 1e9999999 or 1e-9999999 to centimetres computes a power of ten with
        // ten million digits (seconds of CPU for one feature), and 1e999999999 overflows. No measurement or price
        // has such an exponent or that many digits.
        long integerDigits = (long) number.precision() - number.scale();
        if (number.precision() > MAX_DIGITS || integerDigits > MAX_DIGITS || integerDigits < -MAX_DIGITS) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not a plausible number");
        }
        return number;
    }
}
