package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.DomainRule;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;

import java.util.regex.Pattern;

/** The rules a municipality's commands must satisfy, each small, named and with its own code. */
final class MunicipalityRules {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern ARABIC_SCRIPT_LETTER = Pattern.compile("\\p{IsArabic}");
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z .'\\-]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s]+");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 1000;

    private MunicipalityRules() {
    }

    record SlugIsWellFormed(String slug) implements DomainRule {
        public boolean isSatisfied() {
            return slug != null && slug.length() >= 2 && slug.length() <= 64 && SLUG.matcher(slug).matches();
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_SLUG_INVALID;
        }

        public String explanation() {
            return "A slug is 2-64 lower-case Latin letters, digits and single hyphens, starting with a letter: '"
                    + slug + "'";
        }
    }

    record NamesAreWellFormed(String nameFa, String nameEn) implements DomainRule {
        public boolean isSatisfied() {
            return nameFa != null && !nameFa.isBlank() && nameFa.length() <= MAX_NAME
                    && ARABIC_SCRIPT_LETTER.matcher(nameFa).find()
                    && nameEn != null && nameEn.length() <= MAX_NAME && LATIN_NAME.matcher(nameEn).matches();
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_NAME_INVALID;
        }

        public String explanation() {
            return "The Persian name must be written in Persian script and the English name in Latin letters, "
                    + "each at most " + MAX_NAME + " characters";
        }
    }

    record NamesDiffer(String currentFa, String currentEn, String nameFa, String nameEn) implements DomainRule {
        public boolean isSatisfied() {
            return !(currentFa.equals(nameFa) && currentEn.equals(nameEn));
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_NAME_UNCHANGED;
        }

        public String explanation() {
            return "The municipality is already called " + nameFa + " / " + nameEn;
        }
    }

    /** Iran's extent (WGS 84, generous by a few kilometres): a centroid elsewhere is a typing error. */
    record CentroidLiesInIran(double latitude, double longitude) implements DomainRule {
        public boolean isSatisfied() {
            return latitude >= 25.0 && latitude <= 40.0 && longitude >= 44.0 && longitude <= 63.5;
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_CENTROID_OUT_OF_RANGE;
        }

        public String explanation() {
            return "(" + latitude + ", " + longitude + ") is not inside Iran (latitude 25-40, longitude 44-63.5)";
        }
    }

    record ReasonIsGiven(String reason) implements DomainRule {
        public boolean isSatisfied() {
            return reason != null && !reason.isBlank() && reason.length() <= MAX_TEXT;
        }

        public ErrorCode code() {
            return ErrorCode.REASON_REQUIRED;
        }

        public String explanation() {
            return "A reason of at most " + MAX_TEXT + " characters is required";
        }
    }

    record ContactDetailsAreWellFormed(String phone, String email, String website, String address)
            implements DomainRule {
        public boolean isSatisfied() {
            return (phone == null || PHONE.matcher(phone).matches())
                    && (email == null || email.length() <= MAX_NAME && EMAIL.matcher(email).matches())
                    && (website == null || website.length() <= 300 && WEBSITE.matcher(website).matches())
                    && (address == null || address.length() <= MAX_TEXT);
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_CONTACT_INVALID;
        }

        public String explanation() {
            return "Phone: digits, spaces and hyphens; e-mail: an address; website: an http(s) URL; "
                    + "address: at most " + MAX_TEXT + " characters";
        }
    }

    record IsActive(boolean suspended) implements DomainRule {
        public boolean isSatisfied() {
            return !suspended;
        }

        public ErrorCode code() {
            return ErrorCode.MUNICIPALITY_SUSPENDED;
        }

        public String explanation() {
            return "The municipality is suspended; reinstate it first";
        }
    }
}
