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
            // The configuration that builds the (read-only, polled) event store is the one exception.
            .and().resideOutsideOfPackage("ir.parvaneh.query.infrastructure.axon..")
            .should().dependOnClassesThat().areAssignableTo(EventBus.class)
            .orShould().dependOnClassesThat().areAssignableTo(EventGateway.class);

    /**
     * The command side's layer store is read by the map services alone, through the generated tables;
     * its records (which could be stored) are not used at all: the query side never writes the layer store.
     */
    @ArchTest
    static final ArchRule onlyTheMapServicesReadTheLayerStore = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .and().resideOutsideOfPackages("ir.parvaneh.query.map..", "ir.parvaneh.query.jooq..")
            .should().dependOnClassesThat().resideInAPackage("ir.parvaneh.query.jooq.layers..");

    @ArchTest
    static final ArchRule noLayerStoreRecordIsWritten = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .and().resideOutsideOfPackage("ir.parvaneh.query.jooq..")
            .should().dependOnClassesThat().resideInAPackage("ir.parvaneh.query.jooq.layers.tables.records..");

    @ArchTest
    static final ArchRule querySideSendsNoCommandsThroughAxon = noClasses()
            .that().resideInAPackage("ir.parvaneh.query..")
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class);
}
