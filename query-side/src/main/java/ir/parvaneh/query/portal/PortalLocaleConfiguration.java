package ir.parvaneh.query.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Persian first, English available: a page is Persian unless the person chose English ({@code ?lang=en}, kept in a
 * cookie) or their browser prefers English to Persian. Only the two languages the messages exist in are offered.
 */
@Configuration(proxyBeanMethods = false)
class PortalLocaleConfiguration implements WebMvcConfigurer {

    static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
    static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("parvaneh-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String accept = request.getHeader("Accept-Language");
            if (accept == null || accept.isBlank()) {
                return PERSIAN;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), List.of(PERSIAN, ENGLISH,
                        Locale.forLanguageTag("fa")));
                return best != null && best.getLanguage().equals("en") ? ENGLISH : PERSIAN;
            } catch (IllegalArgumentException unreadable) {
                return PERSIAN;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/portal/**");
    }
}
