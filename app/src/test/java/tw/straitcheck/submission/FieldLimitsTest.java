package tw.straitcheck.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;

/** The field table of the README ("Field limits") names every limit FieldLimits enforces. */
class FieldLimitsTest {

    /** {@code leaders.phone} as the README writes it: {@code leaders[].phone}. */
    private static String asWritten(String key) {
        String[] steps = key.split("\\.");
        StringBuilder path = new StringBuilder();
        List<String> prefix = new ArrayList<>();
        for (String step : steps) {
            prefix.add(step);
            path.append(path.length() == 0 ? "" : ".").append(step);
            if (FieldLimits.lists().containsKey(String.join(".", prefix))) {
                path.append("[]");
            }
        }
        return path.toString();
    }

    private static String readmeSection() throws IOException {
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
        int start = readme.indexOf("### Field limits");
        return readme.substring(start, readme.indexOf("\n#", start + 1));
    }

    @Test
    void everyTextLimitIsInTheReadmesFieldTable() throws IOException {
        String section = readmeSection();
        assertThat(FieldLimits.texts().keySet())
                .allSatisfy(key -> assertThat(section).as(key).contains("`" + asWritten(key) + "`"));
    }

    @Test
    void everyListLimitIsInTheReadmesFieldTable() throws IOException {
        String section = readmeSection();
        assertThat(FieldLimits.lists().keySet())
                .allSatisfy(key -> assertThat(section).as(key).contains("`" + asWritten(key).replaceAll("\\[]$", "") + "`"));
    }

    @Test
    void aChangeNoticesFieldsHaveTheRegistrationsLimits() {
        assertThat(FieldLimits.text("changes.leaders[3].phone")).isEqualTo(FieldLimits.text("leaders[0].phone")).isEqualTo(30);
        assertThat(FieldLimits.text("school.code")).isEqualTo(32);
        assertThat(FieldLimits.list("changes.leaders")).isEqualTo(50);
    }
}
