package tw.straitcheck.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import tw.straitcheck.checking.dates.OfficeCalendar;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;

/**
 * What a file written into a draft may be: a path under rules/ of the kinds policy staff keep
 * (DRL, YAML lists, periods and sources, calendar CSV, message bundles, READMEs), its text UTF-8, a
 * YAML file that parses, a calendar CSV as the government publishes it (UTF-8, with or without a
 * byte-order mark, or Big5), which is checked and stored normalised. Whether the files make a
 * rulebase is the compile's to say, with the file and line.
 */
final class DraftFiles {

    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-zA-Z0-9._-]*(/[a-zA-Z0-9][a-zA-Z0-9._-]*)*");
    private static final List<String> SUFFIXES = List.of(".drl", ".yaml", ".yml", ".csv", ".properties", ".md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Larger than any rule file; a calendar year is about 10 KB. */
    static final int MAX_BYTES = 512 * 1024;

    private DraftFiles() {
    }

    /** The path checked: relative to rules/, of a kind a rulebase keeps. */
    static String path(String path) {
        String p = path == null ? "" : path.strip();
        if (!PATH.matcher(p).matches() || p.contains("..") || SUFFIXES.stream().noneMatch(p::endsWith)) {
            throw ApiException.invalid(FieldError.of("path", "page.drafts.field.path", String.join(" ", SUFFIXES)));
        }
        return p;
    }

    /** The content to store for the path: checked, and a calendar normalised. */
    static byte[] content(String path, byte[] content) {
        if (content == null || content.length == 0) {
            throw ApiException.invalid(FieldError.of("content", "page.drafts.field.empty"));
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.invalid(FieldError.of("content", "page.drafts.field.too-large", MAX_BYTES / 1024));
        }
        if (path.startsWith("calendar/") && path.endsWith(".csv")) {
            try {
                return OfficeCalendar.normalised(path, content);
            } catch (IllegalArgumentException bad) {
                throw ApiException.invalid(FieldError.of("content", "page.drafts.field.calendar", bad.getMessage()));
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw ApiException.invalid(FieldError.of("content", "page.drafts.field.utf8"));
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            try {
                YAML.readTree(text);
            } catch (JsonProcessingException bad) {
                int line = bad.getLocation() == null ? 0 : bad.getLocation().getLineNr();
                throw ApiException.invalid(FieldError.of("content", "page.drafts.field.yaml", line,
                        bad.getOriginalMessage()));
            }
        }
        return text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }
}
