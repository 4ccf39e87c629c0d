package tw.straitcheck.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tw.straitcheck.ProjectFiles;

/** Every case file under test-cases/ is one test: the whole corpus runs with mvn test. */
class CaseCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCaseFileHolds() {
        CaseRunner runner = new CaseRunner(ProjectFiles.engine());
        Path root = ProjectFiles.testCases();
        CaseFile.Baselines baselines = CaseFile.Baselines.near(root);
        return CaseRunner.caseFiles(root).stream().map(file -> DynamicTest.dynamicTest(
                root.relativize(file).toString(), file.toUri(), () -> {
                    CaseRunner.Outcome outcome;
                    try {
                        outcome = runner.run(CaseFile.read(file, baselines));
                    } catch (IOException e) {
                        throw new AssertionError(e.getMessage(), e);
                    }
                    if (!outcome.passed()) {
                        fail(outcome.name() + ":\n  " + String.join("\n  ", outcome.differences()));
                    }
                }));
    }

    @Test
    void theCorpusIsLargeEnoughToCoverTheCatalogue() {
        List<Path> files = CaseRunner.caseFiles(ProjectFiles.testCases());
        assertThat(files).hasSizeGreaterThanOrEqualTo(80);
    }
}
