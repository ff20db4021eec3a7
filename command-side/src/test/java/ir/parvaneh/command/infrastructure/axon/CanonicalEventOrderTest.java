package ir.parvaneh.command.infrastructure.axon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.SampleValues;
import ir.parvaneh.kernel.assessment.AssessmentEvent;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent;
import ir.parvaneh.kernel.gis.LayerEvent;
import ir.parvaneh.kernel.municipality.MunicipalityEvent;
import ir.parvaneh.kernel.notification.MessageTemplateEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.review.ReviewDeskEvent;
import ir.parvaneh.kernel.rulebook.RulebookEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of event the kernel defines is stored in the decision history's canonical member order (every object's
 * names increasing, nothing between the tokens), so the history checks a payload instead of rewriting it; and reads
 * back equal to what was written. Each event is built with a value in every component (lists of one element, maps of
 * two keys given out of order), so that every member it can have is written.
 */
@CommandSideIntegrationTest
class CanonicalEventOrderTest {

    private static final List<Class<?>> ROOTS = List.of(PermitApplicationEvent.class, AssessmentEvent.class,
            ReviewDeskEvent.class, RulebookEvent.class, RepresentationConsentEvent.class, LayerEvent.class,
            MunicipalityEvent.class, MessageTemplateEvent.class);
    private static final JsonFactory JSON = new JsonFactory();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void everyEventIsStoredWithItsMembersInCanonicalOrderAndReadsBackEqual() throws Exception {
        int kinds = 0;
        for (Class<?> root : ROOTS) {
            for (Class<?> kind : root.getPermittedSubclasses()) {
                Object event = SampleValues.of(kind);
                SerializedObject<byte[]> stored = eventSerializer.serialize(event, byte[].class);
                String text = new String(stored.getData(), StandardCharsets.UTF_8);

                assertThat(outOfOrder(stored.getData())).as(text).isEmpty();
                assertThat(whitespaceOutsideStrings(stored.getData())).as(text).isFalse();
                assertThat((Object) eventSerializer.deserialize(stored)).as(text).isEqualTo(event);
                kinds++;
            }
        }
        assertThat(kinds).as("kinds of event").isGreaterThan(40);
    }

    @Test
    void theCheckItselfFindsMembersOutOfOrderAndWhitespace() throws Exception {
        assertThat(outOfOrder("{\"a\":1,\"c\":{\"b\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8))).containsExactly("a after b");
        assertThat(outOfOrder("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).containsExactly("a after a");
        assertThat(outOfOrder("[{\"a\":1,\"b\":[{\"x\":1}]},{\"a\":1}]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(whitespaceOutsideStrings("{\"a b\":\"c \\\" d\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(whitespaceOutsideStrings("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** Each member name that does not come after the one before it in its object. */
    private static List<String> outOfOrder(byte[] json) throws Exception {
        List<String> found = new ArrayList<>();
        Deque<String> previous = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    previous.push("");
                } else if (token == JsonToken.END_OBJECT) {
                    previous.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String before = previous.pop();
                    if (!before.isEmpty() && name.compareTo(before) <= 0) {
                        found.add(name + " after " + before);
                    }
                    previous.push(name);
                }
            }
        }
        return found;
    }

    private static boolean whitespaceOutsideStrings(byte[] json) {
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return true;
            }
        }
        return false;
    }
}
