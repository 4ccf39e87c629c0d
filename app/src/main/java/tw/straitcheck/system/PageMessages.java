package tw.straitcheck.system;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The same bundles as {@link Messages}, for the pages' templates ({@code #{page.login.title}}). */
@Factory
class PageMessages {

    @Singleton
    MessageSource pageMessages() {
        return new ResourceBundleMessageSource(Messages.BASE_NAME);
    }
}
