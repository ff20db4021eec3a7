package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.command.support.SampleValues;
import ir.parvaneh.kernel.assessment.AssessmentCommands;
import ir.parvaneh.kernel.consent.ConsentCommands;
import ir.parvaneh.kernel.gis.LayerCommands;
import ir.parvaneh.kernel.municipality.MunicipalityCommands;
import ir.parvaneh.kernel.notification.MessageTemplateCommands;
import ir.parvaneh.kernel.permit.PermitCommands;
import ir.parvaneh.kernel.review.ReviewDeskCommands;
import ir.parvaneh.kernel.rulebook.RulebookCommands;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's target resolver finds the same aggregate and version as Axon's {@link AnnotationCommandTargetResolver}
 * for every command the kernel defines, and fails the same way where Axon's fails; it only looks the members up once.
 */
class AnnotatedCommandTargetsTest {

    private static final List<Class<?>> COMMANDS = List.of(PermitCommands.class, AssessmentCommands.class,
            ReviewDeskCommands.class, RulebookCommands.class, ConsentCommands.class, LayerCommands.class,
            MunicipalityCommands.class, MessageTemplateCommands.class);

    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();
    private final AnnotatedCommandTargets ours = new AnnotatedCommandTargets();

    @Test
    void everyKernelCommandResolvesToTheSameTargetAsWithAxonsResolver() throws Exception {
        int kinds = 0;
        int versioned = 0;
        List<String> unbuilt = new ArrayList<>();
        for (Class<?> holder : COMMANDS) {
            for (Class<?> kind : holder.getDeclaredClasses()) {
                if (!kind.isRecord()) {
                    continue;
                }
                Object command;
                try {
                    command = SampleValues.of(kind);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    unbuilt.add(kind.getName() + ": " + e);
                    continue;
                }
                VersionedAggregateIdentifier expected = axons.resolveTarget(message(command));
                // Twice: the second time from what the first one found.
                assertThat(ours.resolveTarget(message(command))).as(kind.getName()).isEqualTo(expected);
                assertThat(ours.resolveTarget(message(command))).as(kind.getName()).isEqualTo(expected);
                assertThat(expected.getIdentifier()).as(kind.getName()).isNotNull();
                kinds++;
                if (expected.getVersion() != null) {
                    versioned++;
                }
            }
        }
        assertThat(kinds).as("kinds of command, and those the sample builder could not build: " + unbuilt).isGreaterThan(30);
        assertThat(unbuilt).hasSizeLessThan(3);
        assertThat(versioned).as("commands that name the version they act on").isGreaterThan(0);
    }

    @Test
    void aVersionLeftOutIsNoVersion() throws Exception {
        PermitCommands.ApproveApplication sample = (PermitCommands.ApproveApplication) SampleValues.of(PermitCommands.ApproveApplication.class);
        PermitCommands.ApproveApplication unversioned = new PermitCommands.ApproveApplication(sample.applicationId(),
                sample.commandId(), null, sample.discretion());

        VersionedAggregateIdentifier target = ours.resolveTarget(message(unversioned));

        assertThat(target).isEqualTo(axons.resolveTarget(message(unversioned)));
        assertThat(target.getVersion()).isNull();
        assertThat(target.getIdentifier()).isEqualTo(sample.applicationId().toString());
    }

    @Test
    void annotatedFieldsAndVersionsGivenAsTextAreReadAsAxonReadsThem() {
        Object command = new FieldCommand("agg-1", "12");

        VersionedAggregateIdentifier target = ours.resolveTarget(message(command));

        assertThat(target).isEqualTo(axons.resolveTarget(message(command)));
        assertThat(target.getIdentifier()).isEqualTo("agg-1");
        assertThat(target.getVersion()).isEqualTo(12L);
    }

    @Test
    void failsWhereAxonsResolverFailsAndWithTheSameMessage() {
        assertSameFailure(new FieldCommand(null, "1"));
        assertSameFailure(new FieldCommand("agg-1", "twelve"));
        assertSameFailure(new Unannotated("agg-1"));
        assertSameFailure(new ThrowingAccessor());
    }

    private void assertSameFailure(Object command) {
        IllegalArgumentException axonsFailure = failure(axons, command);
        IllegalArgumentException ourFailure = failure(ours, command);
        assertThat(axonsFailure).as(command.getClass().getSimpleName()).isNotNull();
        assertThat(ourFailure).as(command.getClass().getSimpleName()).isNotNull();
        assertThat(ourFailure.getMessage()).isEqualTo(axonsFailure.getMessage());
        assertThat(Objects.toString(ourFailure.getCause() == null ? null : ourFailure.getCause().getClass()))
                .isEqualTo(Objects.toString(axonsFailure.getCause() == null ? null : axonsFailure.getCause().getClass()));
    }

    private static IllegalArgumentException failure(CommandTargetResolver resolver, Object command) {
        try {
            resolver.resolveTarget(message(command));
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    private static CommandMessage<?> message(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    /** Annotated fields, no accessor; the version as text. */
    static final class FieldCommand {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final String version;

        FieldCommand(String id, String version) {
            this.id = id;
            this.version = version;
        }
    }

    record Unannotated(String id) {
    }

    static final class ThrowingAccessor {
        @TargetAggregateIdentifier
        public String id() {
            throw new IllegalStateException("no id");
        }
    }

}
