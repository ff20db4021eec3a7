package ir.parvaneh.query.oversight;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV document (RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma, quote or line break) in
 * UTF-8 with a byte-order mark, which Excel needs to read the Persian names as UTF-8 rather than the local code page.
 */
final class CsvTable<T> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String BOM = "\uFEFF";

    record Column<T>(String header, Function<T, Object> value) {
    }

    private final List<Column<T>> columns;

    CsvTable(List<Column<T>> columns) {
        this.columns = columns;
    }

    String write(List<T> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, columns.stream().map(c -> (Object) c.header()).toList());
        rows.forEach(row -> line(csv, columns.stream().map(c -> c.value().apply(row)).toList()));
        return csv.toString();
    }

    ResponseEntity<byte[]> response(List<T> rows, String fileName) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(write(rows).getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        // Double.toString writes small values as 1.0E-4, which a spreadsheet may read as text.
        String text = value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
