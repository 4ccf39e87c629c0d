package tw.straitcheck.system;

import io.micronaut.serde.annotation.Serdeable;

/** A text in zh-TW and English. */
@Serdeable
public record Localized(String zh, String en) {
}
