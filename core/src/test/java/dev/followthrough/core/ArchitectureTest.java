package dev.followthrough.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core knows no tracker: neither an adapter package nor a tracker client library; the public API
 * never hands out an {@code internal} type, and {@code internal} keeps its classes to itself.
 */
@AnalyzeClasses(packages = "dev.followthrough.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreDependsOnNoAdapter = noClasses().that().resideInAPackage("dev.followthrough.core..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.followthrough.jira..", "dev.followthrough.github..",
          "dev.followthrough.cli..");

  @ArchTest
  static final ArchRule coreDependsOnNoTrackerClient = noClasses().that().resideInAPackage("dev.followthrough.core..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kohsuke.github..", "com.atlassian..",
          "com.github.tomakehurst.wiremock..", "picocli..");

  @ArchTest
  static final ArchRule modelIsFreeOfSerialisationAndStorage = noClasses().that().resideInAPackage("dev.followthrough.core.model..")
      .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "dev.followthrough.core.store..",
          "dev.followthrough.core.internal..");

  /**
   * Other core packages reach {@code internal} through these classes only; the rest of it, such as
   * the stores and the store lock, stays package-private.
   */
  @ArchTest
  static final ArchRule internalIsPackagePrivateButForItsDoors = classes()
      .that().resideInAPackage("dev.followthrough.core.internal").and().areTopLevelClasses()
      .and().haveNameNotMatching(".*\\.(EmbeddedStores|ItemEdits|Recurrences|ReimportMerge|VerificationRecording|VerificationUndo)")
      .should().notBePublic();

  @ArchTest
  static final ArchRule publicSignaturesKeepInternalTypesOut = methods().that().arePublic()
      .and().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("dev.followthrough.core.internal..")
      .should(new ArchCondition<JavaMethod>("not use internal types in their signature") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          java.util.List<JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
          types.add(method.getRawReturnType());
          types.stream().filter(t -> t.getPackageName().startsWith("dev.followthrough.core.internal"))
              .forEach(t -> events.add(SimpleConditionEvent.violated(method,
                  method.getFullName() + " exposes " + t.getName())));
        }
      });
}
