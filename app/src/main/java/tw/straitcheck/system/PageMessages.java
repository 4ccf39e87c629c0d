package tw.straitcheck.system;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The same bundles as {@link Messages}, for the pages' templates ({@code #{page.login.title}}). An
 * apostrophe in a bundle is literal ("the school's contacts"), as {@link Messages} reads it; the
 * message source's own formatting would take it for a quote and drop it, so it is doubled first.
 */
@Factory
class PageMessages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource(Messages.BASE_NAME) {
            @Override
            public Optional<String> getRawMessage(String code, MessageContext context) {
                return super.getRawMessage(code, context).map(message -> message.replace("'", "''"));
            }
        };
    }
}
