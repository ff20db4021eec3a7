package ir.parvaneh.command.rulebook.impact;

import ir.parvaneh.command.gis.lookup.ParcelFactsCalculator;
import ir.parvaneh.command.gis.lookup.ParcelLookup;
import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.command.rulebook.store.RulebookStore.PublishedRulebook;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The planner's impact preview: which parcels of a municipality would get another outcome under one rulebook
 * version than under another, output by output. It walks the parcels layer in force a page at a time (each
 * parcel's facts are computed from the layers, as an assessment would) and records nothing.
 */
@Component
@Transactional(readOnly = true)
public class ImpactPreview {

    /** At most this many parcels are examined per request; the caller pages on with {@code nextOffset}. */
    public static final int MAX_PAGE = 1000;

    public record OutputChange(String name, String from, String to) {
    }

    public record ParcelChange(String plate, List<OutputChange> changes) {
    }

    /**
     * @param examined   parcels compared in this page
     * @param nextOffset where the next page starts, {@code null} after the last
     */
    public record Impact(String fromVersion, String toVersion, String intendedUse, String asOf, int totalParcels,
                         int offset, int examined, Integer nextOffset, List<ParcelChange> changed) {
    }

    private final ParcelLookup parcels;
    private final ParcelFactsCalculator facts;
    private final RulebookStore rulebooks;

    ImpactPreview(ParcelLookup parcels, ParcelFactsCalculator facts, RulebookStore rulebooks) {
        this.parcels = parcels;
        this.facts = facts;
        this.rulebooks = rulebooks;
    }

    public Impact between(String slug, PublishedRulebook from, PublishedRulebook to, String intendedUse, LocalDate day,
                          int offset, int limit) {
        if (intendedUse == null || intendedUse.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The preview needs an intended use").with("field", "use");
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "offset must be 0 or more and limit between 1 and "
                    + MAX_PAGE).with("field", "limit");
        }
        CompiledRulebook before = rulebooks.bySha256(from.sha256());
        CompiledRulebook after = rulebooks.bySha256(to.sha256());
        ParcelLookup.PlatePage page = parcels.plates(slug, day, offset, limit);
        List<ParcelChange> changed = new ArrayList<>();
        for (String plate : page.plates()) {
            ParcelFacts parcel = facts.ofPlate(slug, plate, day);
            List<OutputChange> changes = changes(before.assess(parcel, intendedUse), after.assess(parcel, intendedUse));
            if (!changes.isEmpty()) {
                changed.add(new ParcelChange(plate, changes));
            }
        }
        int next = offset + page.plates().size();
        return new Impact(from.version(), to.version(), intendedUse, day.toString(), page.total(), offset,
                page.plates().size(), next < page.total() && !page.plates().isEmpty() ? next : null, changed);
    }

    private static List<OutputChange> changes(ZoningOutcome before, ZoningOutcome after) {
        Map<String, String> was = shown(before);
        Map<String, String> is = shown(after);
        TreeSet<String> names = new TreeSet<>(was.keySet());
        names.addAll(is.keySet());
        List<OutputChange> changes = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(was.get(name), is.get(name))) {
                changes.add(new OutputChange(name, was.get(name), is.get(name)));
            }
        }
        return changes;
    }

    /** Each output as a citizen would see it: its value, or why it cannot be determined. */
    private static Map<String, String> shown(ZoningOutcome outcome) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (AssessedOutput output : outcome.outputs()) {
            shown.put(output.name(), output.determined() ? output.value() : AssessedOutput.CANNOT_DETERMINE + ": " + output.reason());
        }
        return shown;
    }
}
