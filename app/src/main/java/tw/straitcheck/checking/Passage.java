package tw.straitcheck.checking;

import io.micronaut.serde.annotation.Serdeable;

/** One passage of a source text under rules/sources/: e.g. ACT "art 9(4)" 第9條第4項, with its fine if it is a penalty provision. */
@Serdeable
public record Passage(String source, String ref, String heading, String text, Fine fine) {

    @Serdeable
    public record Fine(Long min, Long max, String currency) {
    }
}
