package ir.parvaneh.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.gateway.EventGateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side reads; it never reaches into the command side and never writes the event store. */
@AnalyzeClasses(packages = "ir.parvaneh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideDoesNotDependOnTheCommandSide = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .should().dependOnClassesThat().resideInAPackage("ir.parvaneh.command..");

    @ArchTest
    static final ArchRule querySideNeverPublishesEvents = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .should().dependOnClassesThat().areAssignableTo(EventBus.class)
            .orShould().dependOnClassesThat().areAssignableTo(EventGateway.class);

    @ArchTest
    static final ArchRule querySideSendsNoCommandsThroughAxon = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class);
}
