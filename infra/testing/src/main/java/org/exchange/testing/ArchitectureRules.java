package org.exchange.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The layout every service keeps (docs: STYLE.md): one context per service, talking to others only through the
 * contracts; features as packages that do not depend on each other in cycles; rules in the domain, not in
 * controllers.
 */
public final class ArchitectureRules {

    private static final List<String> CONTEXTS = List.of("membership", "exchange", "assessment", "accreditation",
            "notification", "gateway");

    private ArchitectureRules() {
    }

    /** The production classes of a service, such as {@code org.exchange.membership}. */
    public static JavaClasses classesOf(String context) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.exchange." + context);
    }

    /** No code of another context; only {@code org.exchange.contracts} and {@code org.exchange.platform} are shared. */
    public static ArchRule usesNoOtherContext(String context) {
        String[] others = CONTEXTS.stream().filter(c -> !c.equals(context))
                .map(c -> "org.exchange." + c + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("org.exchange." + context + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("contexts integrate through events in infra/contracts, never through each other's code");
    }

    /** Feature packages (one per aggregate or capability) depend on each other without cycles. */
    public static ArchRule featuresAreFreeOfCycles(String context) {
        return SlicesRuleDefinition.slices().matching("org.exchange." + context + ".(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** The web layer reaches data through the feature's service or repository, never through JDBC directly. */
    public static ArchRule controllersDoNotTouchJdbc(String context) {
        return noClasses().that().resideInAPackage("org.exchange." + context + "..")
                .and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("rules and data access live behind the controller")
                .allowEmptyShould(true);
    }

    /**
     * Every Kafka listener of a consuming service hands each record to the platform's inbox, which makes its effect
     * happen once however often the record comes and whichever instance gets it; and nothing in the service consumes
     * Kafka any other way. A service with no listener fails: call it for consuming services.
     */
    public static void verifyConsumersGoThroughTheInbox(String context) {
        JavaClasses classes = classesOf(context);
        kafkaListenersGoThroughTheInbox(context).check(classes);
        noKafkaConsumerButListeners(context).check(classes);
    }

    /** Each {@code @KafkaListener} method calls {@code Inbox.accept}. */
    public static ArchRule kafkaListenersGoThroughTheInbox(String context) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage("org.exchange." + context + "..")
                .and().areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                .should(new ArchCondition<JavaMethod>("hand each record to the platform's inbox (Inbox.accept)") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean throughTheInbox = method.getMethodCallsFromSelf().stream()
                                .anyMatch(call -> call.getTargetOwner().getName().equals(INBOX)
                                        && call.getName().equals("accept"));
                        events.add(new SimpleConditionEvent(method, throughTheInbox, method.getFullName()
                                + (throughTheInbox ? " hands" : " does not hand") + " its records to Inbox.accept"));
                    }
                })
                .because("a record delivered twice, or to two instances in turn, must take effect once");
    }

    /** No Kafka consumer, listener or handler of the service's own: only {@code @KafkaListener} methods consume. */
    public static ArchRule noKafkaConsumerButListeners(String context) {
        return noClasses().that().resideInAPackage("org.exchange." + context + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.Consumer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.ConsumerFactory")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.listener.GenericMessageListener")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.annotation.KafkaHandler")
                .because("every record a service consumes goes through a @KafkaListener method and the inbox");
    }

    private static final String INBOX = "org.exchange.platform.inbox.Inbox";

    /** Checks the layout rules above (not the consumer rules) for a context. */
    public static void verify(String context) {
        JavaClasses classes = classesOf(context);
        usesNoOtherContext(context).check(classes);
        featuresAreFreeOfCycles(context).check(classes);
        controllersDoNotTouchJdbc(context).check(classes);
    }
}
