package ir.parvaneh.command.rulebook.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.rulebook.LegalSource;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.InformationRequirement;
import org.operaton.bpm.model.dmn.instance.Input;
import org.operaton.bpm.model.dmn.instance.InputEntry;
import org.operaton.bpm.model.dmn.instance.LiteralExpression;
import org.operaton.bpm.model.dmn.instance.Output;
import org.operaton.bpm.model.dmn.instance.OutputEntry;
import org.operaton.bpm.model.dmn.instance.Rule;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a rulebook's content into a {@link CompiledRulebook}, or refuses it with the first problem found, as a
 * {@link DomainException} with a stable code and members naming the file, decision, rows, input and value:
 * <ol>
 *   <li>the manifest: {@code RULEBOOK_MANIFEST_INVALID};</li>
 *   <li>each DMN file and FEEL text: {@code RULEBOOK_DMN_UNPARSABLE}; hit policies:
 *       {@code RULEBOOK_HIT_POLICY_NOT_ALLOWED}; names no fact, parameter or decision gives:
 *       {@code RULEBOOK_UNKNOWN_INPUT};</li>
 *   <li>units of facts, columns and outputs: {@code RULEBOOK_UNIT_MISMATCH};</li>
 *   <li>outputs the engine requires or the manifest promises: {@code RULEBOOK_MISSING_OUTPUT};</li>
 *   <li>each table: {@code RULEBOOK_OVERLAPPING_ROWS} (UNIQUE), {@code RULEBOOK_GAP_IN_TABLE} (UNIQUE,
 *       FIRST, ANY).</li>
 * </ol>
 * Plain Java; no Spring, no database.
 */
public final class RulebookCompiler {

    /** The outputs every rulebook must give an assessment. */
    public static final List<String> REQUIRED_OUTPUTS = List.of("permitted-uses", "max-floors", "density-percent",
            "max-gross-floor-area-m2", "coverage-percent", "max-footprint-m2", "max-units",
            "min-open-space-per-unit-m2", "required-parking", "min-lot-size-met", "setback-rule");
    /** The fee every rulebook must compute. */
    public static final String REQUIRED_FEE = "fee-building-area-rials";
    static final Set<String> COMBINATION_RULES = Set.of(CompiledRulebook.PER_PORTION_AREA_WEIGHTED,
            CompiledRulebook.GOVERNING_ZONE_LARGEST_SHARE);
    static final Set<String> COMBINES = Set.of("SUM", "MIN", "MAX", "WEIGHTED_MEAN", "ALL", "ANY", "INTERSECTION",
            "UNION", "GOVERNING");
    private static final Set<String> ALLOWED_HIT_POLICIES = Set.of("UNIQUE", "FIRST", "ANY", "COLLECT", "RULE ORDER");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern LINE = Pattern.compile("Line=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    private RulebookCompiler() {
    }

    public static CompiledRulebook compile(RulebookContent content) {
        RulebookManifest manifest = readManifest(content.manifest());
        OperatonDecisions operaton = new OperatonDecisions();
        Map<String, RawDecision> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : content.files().entrySet()) {
            if (file.getKey().endsWith(".dmn")) {
                readDmn(file.getKey(), file.getValue(), raw, operaton);
            }
        }
        if (raw.isEmpty()) {
            throw manifestInvalid("The rulebook holds no .dmn decision file", "decisions");
        }
        Vocabulary vocabulary = new Vocabulary(manifest, raw);
        Map<String, CompiledDecision> decisions = new LinkedHashMap<>();
        for (RawDecision decision : raw.values()) {
            decisions.put(decision.id, compileDecision(decision, manifest, vocabulary));
        }
        List<String> order = order(decisions, vocabulary);
        checkOutputs(manifest, decisions, vocabulary);
        for (String id : order) {
            checkTable(decisions.get(id));
        }
        return new CompiledRulebook(content.sha256(), manifest, decisions, order, vocabulary.producer, operaton,
                parameters(manifest));
    }

    // ---------------------------------------------------------------- manifest

    static RulebookManifest readManifest(String text) {
        RulebookManifest m;
        try {
            m = JSON.readValue(text, RulebookManifest.class);
        } catch (UnrecognizedPropertyException e) {
            throw manifestInvalid("rulebook.json has a field the format does not know: " + e.getPropertyName(),
                    e.getPropertyName()).with("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (JsonProcessingException e) {
            throw manifestInvalid("rulebook.json is not valid JSON of the format: " + e.getOriginalMessage(), "")
                    .with("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
        if (m == null) {
            throw manifestInvalid("rulebook.json is empty", "");
        }
        require(RulebookManifest.FORMAT.equals(m.format()), "format", "format must be " + RulebookManifest.FORMAT);
        require(m.municipality() != null && m.municipality().matches("[a-z0-9]+(-[a-z0-9]+)*"), "municipality",
                "municipality must be the municipality's slug");
        require(m.version() != null && !m.version().isBlank() && m.version().length() <= 40, "version",
                "version is required, e.g. 1405.1");
        try {
            LocalDate.parse(String.valueOf(m.effectiveFrom()));
        } catch (DateTimeParseException e) {
            throw manifestInvalid("effectiveFrom must be an ISO date (2026-03-21), not " + m.effectiveFrom(), "effectiveFrom");
        }
        require(m.assessmentValidityDays() != null && m.assessmentValidityDays() > 0 && m.assessmentValidityDays() <= 3650,
                "assessmentValidityDays", "assessmentValidityDays must be 1–3650");
        require(COMBINATION_RULES.contains(m.combinationRule()), "combinationRule",
                "combinationRule must be one of " + new TreeSet<>(COMBINATION_RULES));
        require(m.rounding() != null && m.rounding().containsKey("money"), "rounding.money",
                "rounding must state the money rule (rounding.money)");
        m.rounding().forEach((name, rule) -> roundingRule(name, rule));
        require(m.decisions() != null && !m.decisions().isEmpty(), "decisions", "decisions must give each decision's legal source");
        m.decisions().forEach((id, d) -> {
            LegalSource s = d == null ? null : d.legalSource();
            require(s != null && notBlank(s.body()) && notBlank(s.resolutionNumber()) && notBlank(s.date())
                    && notBlank(s.titleFa()), "decisions." + id + ".legalSource",
                    "decision " + id + " needs a legal source with body, resolutionNumber, date and titleFa");
        });
        if (m.facts() != null) {
            m.facts().forEach((name, fact) -> {
                if (fact != null && fact.domain() != null) {
                    try {
                        Domain.parse(fact.domain());
                    } catch (IllegalArgumentException e) {
                        throw manifestInvalid(e.getMessage(), "facts." + name + ".domain");
                    }
                }
            });
        }
        if (m.parameters() != null) {
            m.parameters().forEach((name, p) -> require(p != null && p.value() != null && (p.value().isNumber()
                    || p.value().isTextual() || p.value().isBoolean()) && FeelNames.plainName(name),
                    "parameters." + name, "parameter " + name + " needs a value that is a number, text or boolean"));
        }
        require(m.outputs() != null, "outputs", "outputs must list the assessment's outputs");
        Set<String> seen = new java.util.HashSet<>();
        for (RulebookManifest.OutputDeclaration o : m.outputs()) {
            require(o != null && o.name() != null && NAME.matcher(o.name()).matches(), "outputs",
                    "each output needs a lowercase-kebab name");
            require(seen.add(o.name()), "outputs." + o.name(), "output " + o.name() + " is declared twice");
            require(notBlank(o.decision()) && notBlank(o.unit()), "outputs." + o.name(),
                    "output " + o.name() + " needs a decision and a unit");
            require(o.combine() == null || COMBINES.contains(o.combine()), "outputs." + o.name() + ".combine",
                    "combine must be one of " + new TreeSet<>(COMBINES));
            require(o.rounding() == null || m.rounding().containsKey(o.rounding()), "outputs." + o.name() + ".rounding",
                    "output " + o.name() + " names an undeclared rounding rule " + o.rounding());
        }
        for (RulebookManifest.FeeDeclaration f : m.fees() == null ? List.<RulebookManifest.FeeDeclaration>of() : m.fees()) {
            require(f != null && f.type() != null && NAME.matcher(f.type()).matches() && f.type().endsWith("-rials")
                    && seen.add(f.type()), "fees", "each fee needs a unique lowercase-kebab type ending in -rials");
            require(notBlank(f.decision()), "fees." + f.type(), "fee " + f.type() + " needs a decision");
            require("PROPOSAL".equals(f.per()) || "FLOOR".equals(f.per()) && f.floorUses() != null && !f.floorUses().isEmpty(),
                    "fees." + f.type() + ".per", "per must be PROPOSAL, or FLOOR with floorUses");
            require(f.rounding() == null || m.rounding().containsKey(f.rounding()), "fees." + f.type() + ".rounding",
                    "fee " + f.type() + " names an undeclared rounding rule");
        }
        return m;
    }

    static Rounder roundingRule(String name, RulebookManifest.Rounding rule) {
        try {
            BigDecimal increment = new BigDecimal(rule.increment());
            if (increment.signum() <= 0) {
                throw new IllegalArgumentException("increment must be positive");
            }
            return new Rounder(RoundingMode.valueOf(rule.mode()), increment);
        } catch (RuntimeException e) {
            throw manifestInvalid("rounding." + name + " needs a mode (DOWN, HALF_UP, FLOOR…) and a positive increment",
                    "rounding." + name);
        }
    }

    private static Map<String, Object> parameters(RulebookManifest manifest) {
        Map<String, Object> values = new TreeMap<>();
        if (manifest.parameters() != null) {
            manifest.parameters().forEach((name, p) -> {
                JsonNode v = p.value();
                values.put(name, v.isNumber() ? (Object) v.decimalValue().doubleValue() : v.isBoolean() ? v.booleanValue() : v.textValue());
            });
        }
        return values;
    }

    // ---------------------------------------------------------------- DMN

    /** A decision as read from its file, before checks. */
    private static final class RawDecision {
        String id;
        String name;
        String file;
        Decision model;
        DmnDecision dmn;
    }

    private static void readDmn(String file, String xml, Map<String, RawDecision> raw, OperatonDecisions operaton) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            Matcher line = LINE.matcher(reason);
            throw new DomainException(ErrorCode.RULEBOOK_DMN_UNPARSABLE, file + " is not a valid DMN 1.3 file: " + reason)
                    .with("file", file).with("line", line.find() ? Integer.parseInt(line.group(1)) : 0).with("reason", reason);
        }
        List<Decision> decisions = new ArrayList<>(model.getModelElementsByType(Decision.class));
        for (Decision decision : decisions) {
            // The engine evaluates decisions one by one in the order their variables require, each once;
            // requirement edges are drawn for readers of the diagram and would make Operaton evaluate again.
            for (InformationRequirement requirement : new ArrayList<>(decision.getInformationRequirements())) {
                decision.removeChildElement(requirement);
            }
            if (!(decision.getExpression() instanceof DecisionTable) && !(decision.getExpression() instanceof LiteralExpression)) {
                throw unparsable(file, decision.getId(), "A decision must be a decision table or a literal expression (a formula)");
            }
            if (decision.getExpression() instanceof DecisionTable table) {
                String hitPolicy = table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name().replace('_', ' ');
                if (!ALLOWED_HIT_POLICIES.contains(hitPolicy)) {
                    throw new DomainException(ErrorCode.RULEBOOK_HIT_POLICY_NOT_ALLOWED, "Decision " + decision.getId()
                            + " uses hit policy " + hitPolicy + "; allowed are " + new TreeSet<>(ALLOWED_HIT_POLICIES))
                            .with("file", file).with("decisionId", decision.getId()).with("hitPolicy", hitPolicy);
                }
            }
        }
        List<DmnDecision> parsed;
        try {
            parsed = operaton.engine().parseDecisions(model);
        } catch (RuntimeException e) {
            throw unparsable(file, null, rootMessage(e));
        }
        for (DmnDecision dmn : parsed) {
            RawDecision d = new RawDecision();
            d.id = dmn.getKey();
            d.name = dmn.getName() == null ? dmn.getKey() : dmn.getName();
            d.file = file;
            d.dmn = dmn;
            d.model = decisions.stream().filter(x -> x.getId().equals(dmn.getKey())).findFirst().orElseThrow();
            if (raw.putIfAbsent(d.id, d) != null) {
                throw unparsable(file, d.id, "Decision id " + d.id + " is used twice (also in " + raw.get(d.id).file + ")");
            }
        }
    }

    /** Every name a decision may read, with its unit, type and domain when known, and which decision produces it. */
    private static final class Vocabulary {
        final Map<String, String> units = new HashMap<>();
        final Map<String, FactCatalogue.Type> types = new HashMap<>();
        final Map<String, Interval> domains = new HashMap<>();
        final Map<String, Set<String>> values = new HashMap<>();
        final Set<String> nullable = new java.util.HashSet<>();
        final Map<String, String> producer = new LinkedHashMap<>();

        Vocabulary(RulebookManifest manifest, Map<String, RawDecision> raw) {
            FactCatalogue.all().forEach((name, fact) -> {
                units.put(name, fact.unit());
                types.put(name, fact.type());
                domains.put(name, fact.domain() == null ? Interval.ALL : fact.domain().interval());
                if (fact.optional()) {
                    nullable.add(name);
                }
            });
            if (manifest.parameters() != null) {
                manifest.parameters().forEach((name, p) -> {
                    if (FactCatalogue.fact(name).isPresent()) {
                        throw manifestInvalid("Parameter " + name + " has the name of a fact", "parameters." + name);
                    }
                    units.put(name, Units.canonical(p.unit()));
                    types.put(name, p.value().isNumber() ? FactCatalogue.Type.NUMBER
                            : p.value().isBoolean() ? FactCatalogue.Type.BOOLEAN : FactCatalogue.Type.STRING);
                });
            }
            for (RawDecision d : raw.values()) {
                for (String output : outputsOf(d.model)) {
                    if (units.containsKey(output) && !producer.containsKey(output)) {
                        throw unparsable(d.file, d.id, "Output " + output + " has the name of a fact or parameter");
                    }
                    if (producer.putIfAbsent(output, d.id) != null) {
                        throw unparsable(d.file, d.id, "Output " + output + " is also produced by decision " + producer.get(output));
                    }
                }
                if (d.model.getExpression() instanceof DecisionTable table) {
                    for (Output output : table.getOutputs()) {
                        String unit = Units.inLabel(output.getLabel());
                        if (unit != null) {
                            units.put(output.getName(), unit);
                        }
                    }
                }
            }
            if (manifest.outputs() != null) {
                for (RulebookManifest.OutputDeclaration o : manifest.outputs()) {
                    String variable = o.result() != null ? o.result() : single(raw.get(o.decision()));
                    if (variable != null && !units.containsKey(variable) && producer.containsKey(variable)) {
                        units.put(variable, Units.canonical(o.unit()));
                    }
                }
            }
            if (manifest.facts() != null) {
                manifest.facts().forEach((name, declared) -> {
                    if (declared == null) {
                        return;
                    }
                    String known = units.get(name);
                    String unit = Units.canonical(declared.unit());
                    if (known != null && unit != null && !known.equals(unit)) {
                        throw new DomainException(ErrorCode.RULEBOOK_UNIT_MISMATCH, "rulebook.json declares " + name + " in "
                                + unit + ", but it is in " + known).with("file", RulebookContent.MANIFEST)
                                .with("input", name).with("declaredUnit", unit).with("expectedUnit", known);
                    }
                    if (!units.containsKey(name) && !producer.containsKey(name)) {
                        throw manifestInvalid("rulebook.json declares " + name + ", which is no fact, parameter or decision output",
                                "facts." + name);
                    }
                    if (unit != null) {
                        units.putIfAbsent(name, unit);
                    }
                    if (declared.domain() != null) {
                        domains.put(name, Domain.parse(declared.domain()).interval());
                        types.putIfAbsent(name, FactCatalogue.Type.NUMBER);
                    }
                    if (declared.values() != null && !declared.values().isEmpty()) {
                        values.put(name, new TreeSet<>(declared.values()));
                    }
                });
            }
        }

        boolean known(String name) {
            return units.containsKey(name) || producer.containsKey(name);
        }

        private static String single(RawDecision d) {
            if (d == null) {
                return null;
            }
            List<String> outputs = outputsOf(d.model);
            return outputs.size() == 1 ? outputs.get(0) : null;
        }
    }

    static List<String> outputsOf(Decision decision) {
        if (decision.getExpression() instanceof DecisionTable table) {
            return table.getOutputs().stream().map(Output::getName).toList();
        }
        return decision.getVariable() == null ? List.of() : List.of(decision.getVariable().getName());
    }

    private static CompiledDecision compileDecision(RawDecision d, RulebookManifest manifest, Vocabulary vocabulary) {
        RulebookManifest.DecisionDeclaration declaration = manifest.decisions().get(d.id);
        if (declaration == null) {
            throw manifestInvalid("Decision " + d.id + " (" + d.file + ") has no legal source in rulebook.json",
                    "decisions." + d.id).with("decisionId", d.id);
        }
        Set<String> reads = new LinkedHashSet<>();
        if (d.model.getExpression() instanceof LiteralExpression literal) {
            String text = literal.getText() == null ? "" : literal.getText().getTextContent();
            if (d.model.getVariable() == null || !FeelNames.plainName(d.model.getVariable().getName())) {
                throw unparsable(d.file, d.id, "A formula needs a <variable name=\"…\"/> naming its result");
            }
            parseFeel(d, text, false, null, null);
            reads.addAll(checkNames(d, FeelNames.read(text), vocabulary, null));
            return new CompiledDecision(d.id, d.name, d.file, CompiledDecision.LITERAL, List.of(), List.of(),
                    List.of(d.model.getVariable().getName()), java.util.Collections.singletonList(
                    vocabulary.units.get(d.model.getVariable().getName())), text.trim(), Set.copyOf(reads),
                    declaration.legalSource(), d.dmn, null);
        }
        DecisionTable table = (DecisionTable) d.model.getExpression();
        String hitPolicy = table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name().replace('_', ' ');
        if (table.getAggregation() != null) {
            hitPolicy = hitPolicy + " " + table.getAggregation().name();
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Rule> rules = new ArrayList<>(table.getRules());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        boolean constantOutputs = true;
        List<String> outputUnits = new ArrayList<>();
        for (Output output : outputs) {
            if (!FeelNames.plainName(output.getName())) {
                throw unparsable(d.file, d.id, "Every output column needs a name that is a plain variable name");
            }
            outputUnits.add(vocabulary.units.get(output.getName()));
        }
        for (int r = 0; r < rules.size(); r++) {
            List<OutputEntry> entries = new ArrayList<>(rules.get(r).getOutputEntries());
            for (int c = 0; c < entries.size(); c++) {
                String text = entries.get(c).getText() == null ? "" : entries.get(c).getText().getTextContent();
                parseFeel(d, text, false, r + 1, outputs.get(c).getName());
                Set<String> names = FeelNames.read(text);
                reads.addAll(checkNames(d, names, vocabulary, r + 1));
                constantOutputs &= FeelNames.constant(text);
            }
        }
        List<TableColumn> columns = new ArrayList<>();
        boolean analysable = true;
        for (int c = 0; c < inputs.size(); c++) {
            Input input = inputs.get(c);
            String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                    : input.getInputExpression().getText().getTextContent().trim();
            parseFeel(d, expression, false, null, input.getLabel());
            reads.addAll(checkNames(d, FeelNames.read(expression), vocabulary, null));
            String variable = FeelNames.plainName(expression) ? expression : null;
            checkInputUnit(d, input, variable, vocabulary);
            List<EntryCondition> entries = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                List<InputEntry> row = new ArrayList<>(rules.get(r).getInputEntries());
                String text = row.get(c).getText() == null ? "" : row.get(c).getText().getTextContent().trim();
                parseFeel(d, text, true, r + 1, input.getLabel());
                EntryCondition condition = EntryCondition.parse(text);
                if (!condition.analysable()) {
                    reads.addAll(checkNames(d, FeelNames.read(text), vocabulary, r + 1));
                }
                analysable &= condition.analysable();
                entries.add(condition);
                texts.add(text);
            }
            String name = variable != null ? variable : expression;
            columns.add(new TableColumn(name, input.getLabel(), variable == null ? null : vocabulary.types.get(variable),
                    variable == null ? Interval.ALL : vocabulary.domains.getOrDefault(variable, Interval.ALL),
                    variable == null ? Set.of() : vocabulary.values.getOrDefault(variable, Set.of()),
                    variable != null && vocabulary.nullable.contains(variable), List.copyOf(entries), List.copyOf(texts)));
            analysable &= variable != null;
        }
        for (Output output : outputs) {
            checkOutputUnit(d, output, vocabulary, manifest);
        }
        reads.removeAll(outputs.stream().map(Output::getName).toList());
        TableMemo memo = analysable && constantOutputs && !columns.isEmpty() ? new TableMemo(d.id, hitPolicy, columns) : null;
        return new CompiledDecision(d.id, d.name, d.file, hitPolicy, List.copyOf(columns),
                rules.stream().map(Rule::getId).toList(), outputs.stream().map(Output::getName).toList(),
                java.util.Collections.unmodifiableList(outputUnits), null, Set.copyOf(reads), declaration.legalSource(),
                d.dmn, memo);
    }

    private static void parseFeel(RawDecision d, String text, boolean unaryTests, Integer row, String column) {
        if (text == null || text.isBlank() || unaryTests && text.trim().equals("-")) {
            return;
        }
        ParseResult result = unaryTests ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text);
        if (!result.isSuccess()) {
            String reason = result instanceof FailedParseResult failed ? failed.failure().message() : "not FEEL";
            DomainException e = unparsable(d.file, d.id, "The FEEL text '" + text + "' cannot be parsed: " + reason);
            if (row != null) {
                e.with("row", row);
            }
            if (column != null) {
                e.with("column", column);
            }
            throw e.with("value", text);
        }
    }

    private static Set<String> checkNames(RawDecision d, Set<String> names, Vocabulary vocabulary, Integer row) {
        for (String name : names) {
            if (!vocabulary.known(name)) {
                DomainException e = new DomainException(ErrorCode.RULEBOOK_UNKNOWN_INPUT, "Decision " + d.id + " reads '"
                        + name + "', which is no fact, parameter or output of another decision").with("file", d.file)
                        .with("decisionId", d.id).with("input", name);
                throw row == null ? e : e.with("row", row);
            }
        }
        return names;
    }

    private static void checkInputUnit(RawDecision d, Input input, String variable, Vocabulary vocabulary) {
        String declared = Units.inLabel(input.getLabel());
        String expected = variable == null ? null : vocabulary.units.get(variable);
        if (declared != null && expected != null && !declared.equals(expected)) {
            throw new DomainException(ErrorCode.RULEBOOK_UNIT_MISMATCH, "Decision " + d.id + ": column '" + input.getLabel()
                    + "' is labelled in " + declared + " but " + variable + " is in " + expected).with("file", d.file)
                    .with("decisionId", d.id).with("input", variable).with("declaredUnit", declared)
                    .with("expectedUnit", expected);
        }
    }

    private static void checkOutputUnit(RawDecision d, Output output, Vocabulary vocabulary, RulebookManifest manifest) {
        String declared = Units.inLabel(output.getLabel());
        for (RulebookManifest.OutputDeclaration o : manifest.outputs()) {
            boolean same = o.decision().equals(d.id) && (output.getName().equals(o.result())
                    || o.result() == null && outputsOf(d.model).size() == 1);
            String unit = Units.canonical(o.unit());
            if (same && declared != null && !declared.equals(unit)) {
                throw new DomainException(ErrorCode.RULEBOOK_UNIT_MISMATCH, "Output " + o.name() + " is declared in " + unit
                        + " but column " + output.getName() + " of " + d.id + " is labelled in " + declared)
                        .with("file", d.file).with("decisionId", d.id).with("output", o.name())
                        .with("declaredUnit", declared).with("expectedUnit", unit);
            }
        }
    }

    /** The decisions in an order where each comes after those whose outputs it reads. */
    private static List<String> order(Map<String, CompiledDecision> decisions, Vocabulary vocabulary) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String id : decisions.keySet()) {
            visit(id, decisions, vocabulary, state, order, new ArrayList<>());
        }
        return List.copyOf(order);
    }

    private static void visit(String id, Map<String, CompiledDecision> decisions, Vocabulary vocabulary,
                              Map<String, Integer> state, List<String> order, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        CompiledDecision decision = decisions.get(id);
        if (s != null) {
            path.add(id);
            throw unparsable(decision.file(), id, "Decisions depend on each other in a circle: " + String.join(" → ", path));
        }
        state.put(id, 1);
        path.add(id);
        for (String read : decision.reads()) {
            String producer = vocabulary.producer.get(read);
            if (producer != null && !producer.equals(id)) {
                visit(producer, decisions, vocabulary, state, order, path);
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        order.add(id);
    }

    private static void checkOutputs(RulebookManifest manifest, Map<String, CompiledDecision> decisions, Vocabulary vocabulary) {
        Set<String> declared = new TreeSet<>();
        for (RulebookManifest.OutputDeclaration o : manifest.outputs()) {
            declared.add(o.name());
            resultOf(o.name(), o.decision(), o.result(), decisions);
            String implied = Units.impliedByName(o.name());
            if (implied != null && !implied.equals(Units.canonical(o.unit()))) {
                throw new DomainException(ErrorCode.RULEBOOK_UNIT_MISMATCH, "Output " + o.name() + " is named in " + implied
                        + " but declared in " + o.unit()).with("file", RulebookContent.MANIFEST).with("output", o.name())
                        .with("declaredUnit", Units.canonical(o.unit())).with("expectedUnit", implied);
            }
        }
        for (String required : REQUIRED_OUTPUTS) {
            if (!declared.contains(required)) {
                throw new DomainException(ErrorCode.RULEBOOK_MISSING_OUTPUT, "No decision of the rulebook gives the required output "
                        + required + " (rulebook.json lists none)").with("file", RulebookContent.MANIFEST).with("output", required);
            }
        }
        boolean fee = false;
        for (RulebookManifest.FeeDeclaration f : manifest.fees() == null ? List.<RulebookManifest.FeeDeclaration>of() : manifest.fees()) {
            resultOf(f.type(), f.decision(), f.result(), decisions);
            fee |= f.type().equals(REQUIRED_FEE);
        }
        if (!fee) {
            throw new DomainException(ErrorCode.RULEBOOK_MISSING_OUTPUT, "No decision of the rulebook gives the required fee "
                    + REQUIRED_FEE).with("file", RulebookContent.MANIFEST).with("output", REQUIRED_FEE);
        }
        for (String unknown : manifest.decisions().keySet()) {
            if (!decisions.containsKey(unknown)) {
                throw manifestInvalid("rulebook.json gives a legal source for decision " + unknown + ", which no .dmn file holds",
                        "decisions." + unknown).with("decisionId", unknown);
            }
        }
    }

    /** The output variable an output declaration reads, refusing one that no decision produces. */
    static String resultOf(String output, String decisionId, String result, Map<String, CompiledDecision> decisions) {
        CompiledDecision decision = decisions.get(decisionId);
        if (decision == null) {
            throw new DomainException(ErrorCode.RULEBOOK_MISSING_OUTPUT, "Output " + output + " is to come from decision "
                    + decisionId + ", which no .dmn file holds").with("file", RulebookContent.MANIFEST)
                    .with("output", output).with("decisionId", decisionId);
        }
        String variable = result != null ? result : decision.outputs().size() == 1 ? decision.outputs().get(0) : null;
        if (variable == null || !decision.outputs().contains(variable)) {
            throw new DomainException(ErrorCode.RULEBOOK_MISSING_OUTPUT, "Output " + output + " is to come from "
                    + (variable == null ? "an unnamed column" : "column " + variable) + " of decision " + decisionId
                    + ", which produces " + decision.outputs()).with("file", decision.file()).with("output", output)
                    .with("decisionId", decisionId).with("result", String.valueOf(variable));
        }
        return variable;
    }

    private static void checkTable(CompiledDecision d) {
        if (!d.table() || d.columns().isEmpty()) {
            return;
        }
        TableAnalysis analysis = new TableAnalysis(d.columns(), d.ruleIds().size());
        if (d.hitPolicy().equals("UNIQUE")) {
            Optional<TableAnalysis.Overlap> overlap = analysis.firstOverlap();
            if (overlap.isPresent()) {
                TableAnalysis.Overlap o = overlap.get();
                throw new DomainException(ErrorCode.RULEBOOK_OVERLAPPING_ROWS, "Rows " + o.firstRow() + " and " + o.secondRow()
                        + " of UNIQUE table " + d.id() + " both match " + o.example()
                        + (o.certain() ? "" : " (an entry the checks cannot read is taken to match anything)"))
                        .with("file", d.file()).with("decisionId", d.id()).with("rows", List.of(o.firstRow(), o.secondRow()))
                        .with("value", o.example().toString()).with("analysable", o.certain());
            }
        }
        if (d.mustCover() && d.ruleIds().size() > 0) {
            Optional<TableAnalysis.Gap> gap = analysis.firstGap();
            if (gap.isPresent()) {
                TableAnalysis.Gap g = gap.get();
                throw new DomainException(ErrorCode.RULEBOOK_GAP_IN_TABLE, "No row of table " + d.id() + " matches "
                        + g.input() + " = " + g.value() + (g.otherInputs().isEmpty() ? "" : " with " + g.otherInputs())
                        + (g.certain() ? "" : " (an entry the checks cannot read is taken to cover nothing)"))
                        .with("file", d.file()).with("decisionId", d.id()).with("input", g.input()).with("value", g.value())
                        .with("otherInputs", g.otherInputs().toString()).with("analysable", g.certain());
            }
        }
        if (d.ruleIds().isEmpty() && d.mustCover()) {
            throw new DomainException(ErrorCode.RULEBOOK_GAP_IN_TABLE, "Table " + d.id() + " has no rows")
                    .with("file", d.file()).with("decisionId", d.id());
        }
    }

    // ---------------------------------------------------------------- errors

    private static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw manifestInvalid(detail, field);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static DomainException manifestInvalid(String detail, String field) {
        return new DomainException(ErrorCode.RULEBOOK_MANIFEST_INVALID, detail).with("file", RulebookContent.MANIFEST)
                .with("field", field);
    }

    private static DomainException unparsable(String file, String decisionId, String reason) {
        DomainException e = new DomainException(ErrorCode.RULEBOOK_DMN_UNPARSABLE, file + (decisionId == null ? "" : ", decision "
                + decisionId) + ": " + reason).with("file", file);
        if (decisionId != null) {
            e.with("decisionId", decisionId);
        }
        return e.with("reason", reason);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
