package ir.parvaneh.command.rulebook.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.parvaneh.kernel.rulebook.RulebookContent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo province's rulebooks: one uniform procedure for all 25 municipalities of Qazvin province (the same
 * decisions and tables, in {@code rulebooks/province/template/}), with each municipality's own parameters
 * (minimum lot size, the share of the provincial fee tariff it applies) from
 * {@code rulebooks/province/city-parameters.csv}, and its name from the province's cities file. The result
 * is deterministic: the same slug always gives the same content and so the same SHA-256.
 * Plain Java; wiring the rulebooks into start-up is the loader's job.
 */
public final class DemoRulebooks {

    static final String TEMPLATE = "rulebooks/province/template";
    static final String PARAMETERS = "rulebooks/province/city-parameters.csv";
    static final String CITIES = "demo/qazvin-province-cities.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoRulebooks() {
    }

    /** The slugs of the province's municipalities, in the cities file's order. */
    public static List<String> slugs() {
        return List.copyOf(cities().keySet());
    }

    /** Every municipality's rulebook by slug, in the cities file's order. */
    public static Map<String, RulebookContent> all() {
        Map<String, RulebookContent> all = new LinkedHashMap<>();
        for (String slug : slugs()) {
            all.put(slug, forCity(slug));
        }
        return all;
    }

    /** The rulebook of one municipality of the province. */
    public static RulebookContent forCity(String slug) {
        String nameFa = cities().get(slug);
        Map<String, String> parameters = csv(PARAMETERS).get(slug);
        if (nameFa == null || parameters == null) {
            throw new IllegalArgumentException("No demo rulebook for '" + slug + "': the province's cities are " + slugs());
        }
        RulebookContent template = RulebookContent.fromClasspath(TEMPLATE);
        Map<String, String> files = new TreeMap<>(template.files());
        String manifest = template.manifest().replace("{{slug}}", slug).replace("{{nameFa}}", nameFa);
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(manifest);
            ObjectNode params = (ObjectNode) tree.get("parameters");
            ((ObjectNode) params.get("minLotSizeM2")).put("value", Integer.parseInt(parameters.get("min_lot_size_m2")));
            ((ObjectNode) params.get("feeTariffPercent")).put("value", Integer.parseInt(parameters.get("fee_tariff_percent")));
            files.put(RulebookContent.MANIFEST, JSON.writeValueAsString(tree) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The province's manifest template is not JSON", e);
        }
        return RulebookContent.of(files);
    }

    /** Slug → Persian name, from the cities file the demo province loader registers. */
    private static Map<String, String> cities() {
        Map<String, String> names = new LinkedHashMap<>();
        csv(CITIES).forEach((slug, row) -> names.put(slug, row.get("name_fa")));
        return names;
    }

    private static Map<String, Map<String, String>> csv(String resource) {
        InputStream in = DemoRulebooks.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < header.length && k < cells.length; k++) {
                    row.put(header[k], cells[k]);
                }
                rows.put(cells[0], row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
