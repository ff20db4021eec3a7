package ir.parvaneh.command.rulebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.engine.RulebookCompiler;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import ir.parvaneh.command.infrastructure.cache.RecentAnswers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static ir.parvaneh.command.jooq.command.Tables.RULEBOOK_VERSION;

/**
 * The published rulebook versions: which is in force on a day, and each compiled once and kept (a
 * published version never changes, so its compiled form never goes stale). A stored content that no
 * longer hashes to its recorded SHA-256 is refused rather than evaluated.
 */
@Component
public class RulebookStore implements CompiledRulebooks {

    /** A published version, as a reader cites it. */
    public record PublishedRulebook(String municipalityId, String version, LocalDate effectiveFrom, String sha256,
                                    OffsetDateTime publishedAt, String publishedBy) {
    }

    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };
    /** Everything but the content, which only {@link #content} reads. */
    private static final org.jooq.SelectField<?>[] CITED = {RULEBOOK_VERSION.MUNICIPALITY_ID, RULEBOOK_VERSION.VERSION,
            RULEBOOK_VERSION.EFFECTIVE_FROM, RULEBOOK_VERSION.SHA256, RULEBOOK_VERSION.PUBLISHED_AT, RULEBOOK_VERSION.PUBLISHED_BY};

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final Map<String, CompiledRulebook> compiled = new ConcurrentHashMap<>();
    /** Every assessment asks this; see {@link RecentAnswers} for why two seconds are safe. */
    private final RecentAnswers<Asked, Optional<PublishedRulebook>> recent = new RecentAnswers<>(Duration.ofSeconds(2));

    private record Asked(String municipalityId, LocalDate day) {
    }

    RulebookStore(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** The version in force on the day: the latest date of force on or before it, the later publication on a tie. */
    public Optional<PublishedRulebook> inForce(String municipalityId, LocalDate day) {
        return recent.get(new Asked(municipalityId, day), this::inForceFromStore);
    }

    /** Called by the register when it records a publication: this instance forgets its answers once it commits. */
    public void publicationRecorded() {
        recent.forgetAfterCommit();
    }

    private Optional<PublishedRulebook> inForceFromStore(Asked asked) {
        String municipalityId = asked.municipalityId();
        LocalDate day = asked.day();
        return dsl.select(CITED)
                .from(RULEBOOK_VERSION)
                .where(RULEBOOK_VERSION.MUNICIPALITY_ID.eq(municipalityId))
                .and(RULEBOOK_VERSION.EFFECTIVE_FROM.le(day))
                .orderBy(RULEBOOK_VERSION.EFFECTIVE_FROM.desc(), RULEBOOK_VERSION.PUBLICATION_NO.desc())
                .limit(1)
                .fetchOptional(RulebookStore::published);
    }

    public Optional<PublishedRulebook> version(String municipalityId, String version) {
        return dsl.select(CITED)
                .from(RULEBOOK_VERSION)
                .where(RULEBOOK_VERSION.MUNICIPALITY_ID.eq(municipalityId))
                .and(RULEBOOK_VERSION.VERSION.eq(version))
                .fetchOptional(RulebookStore::published);
    }

    /** Every published version of the municipality, in order of publication. */
    public List<PublishedRulebook> all(String municipalityId) {
        return dsl.select(CITED)
                .from(RULEBOOK_VERSION)
                .where(RULEBOOK_VERSION.MUNICIPALITY_ID.eq(municipalityId))
                .orderBy(RULEBOOK_VERSION.PUBLICATION_NO)
                .fetch(RulebookStore::published);
    }

    /** The published content, exactly as its event carries it. */
    public RulebookContent content(String sha256) {
        String files = dsl.select(RULEBOOK_VERSION.FILES)
                .from(RULEBOOK_VERSION)
                .where(RULEBOOK_VERSION.SHA256.eq(sha256))
                .limit(1)
                .fetchOptional(RULEBOOK_VERSION.FILES)
                .orElseThrow(() -> new DomainException(ErrorCode.RULEBOOK_VERSION_NOT_FOUND,
                        "No rulebook with SHA-256 " + sha256 + " was published").with("sha256", sha256))
                .data();
        try {
            return RulebookContent.of(json.readValue(files, FILES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored rulebook " + sha256 + " is not a map of files", e);
        }
    }

    @Override
    public CompiledRulebook bySha256(String sha256) {
        return compiled.computeIfAbsent(sha256, sha -> {
            RulebookContent content = content(sha);
            if (!content.sha256().equals(sha)) {
                throw new IllegalStateException("The stored rulebook " + sha + " now hashes to " + content.sha256()
                        + ": the store was altered");
            }
            return RulebookCompiler.compile(content);
        });
    }

    private static PublishedRulebook published(Record r) {
        return new PublishedRulebook(r.get(RULEBOOK_VERSION.MUNICIPALITY_ID), r.get(RULEBOOK_VERSION.VERSION),
                r.get(RULEBOOK_VERSION.EFFECTIVE_FROM), r.get(RULEBOOK_VERSION.SHA256), r.get(RULEBOOK_VERSION.PUBLISHED_AT),
                r.get(RULEBOOK_VERSION.PUBLISHED_BY));
    }
}
