package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.jooq.query.tables.records.NotificationContactRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_CONTACT;

/**
 * People's contact details and channel choices. The identity provider holds phone and e-mail; the query side learns
 * them from the token of each signed-in request to {@code /api/me/**} ({@code phone_number}, {@code email}) and keeps
 * them here, because a message is dispatched later, without anyone's token. What a person sets themselves wins over
 * the token until they change it again.
 */
@Component
public class Contacts {

    static final String FROM_TOKEN = "TOKEN";
    static final String FROM_PERSON = "PERSON";
    /** An Iranian mobile number in its national form: 09 and nine digits. */
    private static final Pattern MOBILE = Pattern.compile("09\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** A person's contact details and choices; with no row, no address and both SMS and e-mail on. */
    public record Preferences(String subject, String phone, String phoneSource, String email, String emailSource,
                              boolean sms, boolean emailEnabled) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    Contacts(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Preferences of(String subject) {
        NotificationContactRecord row = dsl.selectFrom(NOTIFICATION_CONTACT)
                .where(NOTIFICATION_CONTACT.SUBJECT.eq(subject)).fetchOne();
        return row == null ? new Preferences(subject, null, null, null, null, true, true) : preferences(row);
    }

    /**
     * Keeps what the token says, unless the person set that detail themselves. A detail the token does not carry, or
     * carries in a form that is no mobile number or address, changes nothing. One statement, which writes only when
     * something changed.
     */
    void recordFromToken(String subject, String tokenPhone, String tokenEmail) {
        String phone = mobileOrNull(tokenPhone);
        String email = emailOrNull(tokenEmail);
        if (phone == null && email == null) {
            return;
        }
        var c = NOTIFICATION_CONTACT;
        var newPhone = DSL.when(c.PHONE_SOURCE.eq(FROM_PERSON).or(DSL.val(phone).isNull()), c.PHONE)
                .otherwise(DSL.val(phone));
        var newPhoneSource = DSL.when(c.PHONE_SOURCE.eq(FROM_PERSON).or(DSL.val(phone).isNull()), c.PHONE_SOURCE)
                .otherwise(DSL.val(FROM_TOKEN));
        var newEmail = DSL.when(c.EMAIL_SOURCE.eq(FROM_PERSON).or(DSL.val(email).isNull()), c.EMAIL)
                .otherwise(DSL.val(email));
        var newEmailSource = DSL.when(c.EMAIL_SOURCE.eq(FROM_PERSON).or(DSL.val(email).isNull()), c.EMAIL_SOURCE)
                .otherwise(DSL.val(FROM_TOKEN));
        dsl.insertInto(c)
                .set(c.SUBJECT, subject)
                .set(c.PHONE, phone)
                .set(c.PHONE_SOURCE, phone == null ? null : FROM_TOKEN)
                .set(c.EMAIL, email)
                .set(c.EMAIL_SOURCE, email == null ? null : FROM_TOKEN)
                .set(c.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflict(c.SUBJECT)
                .doUpdate()
                .set(c.PHONE, newPhone)
                .set(c.PHONE_SOURCE, newPhoneSource)
                .set(c.EMAIL, newEmail)
                .set(c.EMAIL_SOURCE, newEmailSource)
                .set(c.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(c.PHONE.isDistinctFrom(newPhone).or(c.EMAIL.isDistinctFrom(newEmail)))
                .execute();
    }

    /**
     * The person's own choice: which channels (the inbox is always on), and, when given, their mobile number and
     * e-mail address (a {@code null} keeps the current one). Refused, changing nothing, when either is malformed.
     */
    public Preferences choose(String subject, Set<Channel> channels, String phone, String email) {
        String validPhone = null;
        String validEmail = null;
        if (phone != null) {
            validPhone = mobileOrNull(phone);
            if (validPhone == null) {
                throw new DomainException(ErrorCode.NOTIFICATION_CONTACT_INVALID,
                        "The mobile number must be an Iranian mobile number such as 09121234567").with("field", "phone");
            }
        }
        if (email != null) {
            validEmail = emailOrNull(email);
            if (validEmail == null) {
                throw new DomainException(ErrorCode.NOTIFICATION_CONTACT_INVALID,
                        "The e-mail address is not valid").with("field", "email");
            }
        }
        Preferences current = of(subject);
        var c = NOTIFICATION_CONTACT;
        dsl.insertInto(c)
                .set(c.SUBJECT, subject)
                .set(c.PHONE, validPhone == null ? current.phone() : validPhone)
                .set(c.PHONE_SOURCE, validPhone == null ? current.phoneSource() : FROM_PERSON)
                .set(c.EMAIL, validEmail == null ? current.email() : validEmail)
                .set(c.EMAIL_SOURCE, validEmail == null ? current.emailSource() : FROM_PERSON)
                .set(c.SMS_ENABLED, channels.contains(Channel.SMS))
                .set(c.EMAIL_ENABLED, channels.contains(Channel.EMAIL))
                .set(c.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflict(c.SUBJECT)
                .doUpdate()
                .set(c.PHONE, validPhone == null ? c.PHONE : DSL.val(validPhone))
                .set(c.PHONE_SOURCE, validPhone == null ? c.PHONE_SOURCE : DSL.val(FROM_PERSON))
                .set(c.EMAIL, validEmail == null ? c.EMAIL : DSL.val(validEmail))
                .set(c.EMAIL_SOURCE, validEmail == null ? c.EMAIL_SOURCE : DSL.val(FROM_PERSON))
                .set(c.SMS_ENABLED, channels.contains(Channel.SMS))
                .set(c.EMAIL_ENABLED, channels.contains(Channel.EMAIL))
                .set(c.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
        return of(subject);
    }

    /** {@code ۰۹۱۲ ۱۲۳ ۴۵۶۷}, {@code +989121234567}, {@code 00989121234567} → {@code 09121234567}; else {@code null}. */
    static String mobileOrNull(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = PersianText.latinDigits(phone).replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+98")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0098")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("98") && digits.length() == 12) {
            digits = "0" + digits.substring(2);
        } else if (digits.startsWith("9") && digits.length() == 10) {
            digits = "0" + digits;
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    static String emailOrNull(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip();
        return EMAIL.matcher(trimmed).matches() && trimmed.length() <= 320 ? trimmed : null;
    }

    private static Preferences preferences(NotificationContactRecord row) {
        return new Preferences(row.getSubject(), row.getPhone(), row.getPhoneSource(), row.getEmail(),
                row.getEmailSource(), row.getSmsEnabled(), row.getEmailEnabled());
    }
}
